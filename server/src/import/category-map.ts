import type { CategoryId } from '@hotline-sim/shared';

/**
 * The catalogue category of a request whose type the table does not know: "policy consultation and
 * other" (政策咨询及其他), the catalogue's catch-all. Every such row is counted per source type in the
 * import summary, so a user sees what to add to a mapping's `categories`.
 */
export const FALLBACK_CATEGORY: CategoryId = 'policy-consultation';

/** A request type from an export → a catalogue category id. Keys are matched by {@link typeKey}. */
export type CategoryTable = Readonly<Record<string, CategoryId>>;

/**
 * NYC 311 `Complaint Type` values (the common ones, and every one in the 2022-05-01 sample) mapped to
 * the nearest catalogue category. A judgement call per row, kept in one place to argue about.
 */
export const NYC_CATEGORIES: CategoryTable = {
  // Noise (NYPD, DEP)
  'Noise - Residential': 'noise-nuisance',
  'Noise - Street/Sidewalk': 'noise-nuisance',
  'Noise - Commercial': 'noise-nuisance',
  'Noise - Vehicle': 'noise-nuisance',
  'Noise - Park': 'noise-nuisance',
  'Noise - Helicopter': 'noise-nuisance',
  'Noise - House of Worship': 'noise-nuisance',
  Noise: 'noise-nuisance',
  'Collection Truck Noise': 'noise-nuisance',
  // Vehicles
  'Illegal Parking': 'illegal-parking',
  'Blocked Driveway': 'illegal-parking',
  'Abandoned Vehicle': 'illegal-parking',
  'Derelict Vehicles': 'illegal-parking',
  'Taxi Complaint': 'public-transport',
  'For Hire Vehicle Complaint': 'public-transport',
  'Bus Stop Shelter Complaint': 'public-transport',
  // Public order (NYPD)
  Encampment: 'public-security',
  'Homeless Person Assistance': 'public-security',
  'Homeless Street Condition': 'public-security',
  'Non-Emergency Police Matter': 'public-security',
  Drinking: 'public-security',
  Panhandling: 'public-security',
  'Illegal Fireworks': 'public-security',
  'Lost Property': 'public-security',
  'Violation of Park Rules': 'public-security',
  'Drug Activity': 'public-security',
  'Urinating in Public': 'public-security',
  'Disorderly Youth': 'public-security',
  // Streets and signals (DOT)
  'Street Condition': 'municipal-facilities',
  'Sidewalk Condition': 'municipal-facilities',
  'Street Light Condition': 'municipal-facilities',
  'Bridge Condition': 'municipal-facilities',
  'Highway Condition': 'municipal-facilities',
  'Curb Condition': 'municipal-facilities',
  'Broken Parking Meter': 'municipal-facilities',
  Graffiti: 'municipal-facilities',
  'Traffic Signal Condition': 'road-traffic',
  'Street Sign - Missing': 'road-traffic',
  'Street Sign - Damaged': 'road-traffic',
  'Street Sign - Dangling': 'road-traffic',
  Traffic: 'road-traffic',
  // Sanitation (DSNY)
  'Missed Collection': 'garbage',
  'Dirty Condition': 'garbage',
  'Illegal Dumping': 'garbage',
  'Dumpster Complaint': 'garbage',
  'Residential Disposal Complaint': 'garbage',
  'Commercial Disposal Complaint': 'garbage',
  'Street Sweeping Complaint': 'garbage',
  'Dead Animal': 'garbage',
  'Litter Basket Request': 'garbage',
  'Overflowing Litter Baskets': 'garbage',
  'Sanitation Condition': 'garbage',
  Rodent: 'pests',
  Mosquitoes: 'pests',
  // Housing (HPD, DOB)
  'HEAT/HOT WATER': 'heating',
  PLUMBING: 'property-management',
  'UNSANITARY CONDITION': 'property-management',
  'PAINT/PLASTER': 'property-management',
  'DOOR/WINDOW': 'property-management',
  'WATER LEAK': 'property-management',
  'FLOORING/STAIRS': 'property-management',
  ELECTRIC: 'property-management',
  APPLIANCE: 'property-management',
  GENERAL: 'property-management',
  Elevator: 'property-management',
  'Building/Use': 'illegal-construction',
  'General Construction/Plumbing': 'illegal-construction',
  // Environment (DEP, Parks)
  'Water System': 'water-supply',
  'Water Quality': 'water-supply',
  Sewer: 'waterlogging',
  'Air Quality': 'air-pollution',
  'Damaged Tree': 'greening',
  'Overgrown Tree/Branches': 'greening',
  'Dead/Dying Tree': 'greening',
  'New Tree Request': 'greening',
  'Root/Sewer/Sidewalk Condition': 'greening',
  // Markets (DOHMH, DCWP)
  'Food Establishment': 'food-safety',
  'Food Poisoning': 'food-safety',
  'Mobile Food Vendor': 'unlicensed-trading',
  'Vendor Enforcement': 'unlicensed-trading',
  'Consumer Complaint': 'consumer-disputes',
};

/**
 * Boston 311 `type` values (the common ones, and every one in the January 2022 sample) mapped to the
 * nearest catalogue category. "Animal Generic Request" is left to the fallback on purpose (no
 * catalogue category fits it); ISD's "Electrical" is left to the keywords (power-supply).
 */
export const BOSTON_CATEGORIES: CategoryTable = {
  'Parking Enforcement': 'illegal-parking',
  'Abandoned Vehicles': 'illegal-parking',
  // Public Works: roads, lights, snow, graffiti
  'Request for Pothole Repair': 'municipal-facilities',
  'Sidewalk Repair': 'municipal-facilities',
  'Sidewalk Repair (Make Safe)': 'municipal-facilities',
  'Sidewalk Cover / Manhole': 'municipal-facilities',
  'Street Light Outages': 'municipal-facilities',
  'General Lighting Request': 'municipal-facilities',
  'Knockdown Replacement': 'municipal-facilities',
  'Request for Snow Plowing': 'municipal-facilities',
  'Misc. Snow Complaint': 'municipal-facilities',
  'City/State Snow Issues': 'municipal-facilities',
  'Unshoveled Sidewalk': 'municipal-facilities',
  'PWD Graffiti': 'municipal-facilities',
  'Graffiti Removal': 'municipal-facilities',
  // Transportation: signals and signs
  'Traffic Signal Inspection': 'road-traffic',
  'Traffic Signal Repair': 'road-traffic',
  'New Sign  Crosswalk or Pavement Marking': 'road-traffic',
  'Sign Repair': 'road-traffic',
  // Street cleaning, trash and recycling
  'CE Collection': 'garbage',
  'Improper Storage of Trash (Barrels)': 'garbage',
  'Requests for Street Cleaning': 'garbage',
  'Missed Trash/Recycling/Yard Waste/Bulk Item': 'garbage',
  'Schedule a Bulk Item Pickup': 'garbage',
  'Schedule a Bulk Item Pickup SS': 'garbage',
  'Schedule Bulk Item Pickup': 'garbage',
  'Request for Recycling Cart': 'garbage',
  'Empty Litter Basket': 'garbage',
  'Pick up Dead Animal': 'garbage',
  'Needle Pickup': 'garbage',
  'Rodent Activity': 'pests',
  'Pest Infestation - Residential': 'pests',
  'Mice Infestation - Residential': 'pests',
  'Bed Bugs': 'pests',
  // Housing inspections (ISD)
  'Poor Conditions of Property': 'property-management',
  'Unsatisfactory Living Conditions': 'property-management',
  'Unsatisfactory Utilities - Electrical  Plumbing': 'property-management',
  'Heat - Excessive  Insufficient': 'heating',
  'Short Term Rental': 'real-estate',
  'Loud Parties/Music/People': 'noise-nuisance',
  // Parks
  'Ground Maintenance': 'greening',
  'Tree Maintenance Requests': 'greening',
  'Tree Emergencies': 'greening',
  'General Comments For a Program or Policy': 'policy-consultation',
  // `reason` values, used when a row's `type` is empty
  'Enforcement & Abandoned Vehicles': 'illegal-parking',
  'Highway Maintenance': 'municipal-facilities',
  'Street Lights': 'municipal-facilities',
  'Signs & Signals': 'road-traffic',
  'Street Cleaning': 'garbage',
  Sanitation: 'garbage',
  Recycling: 'garbage',
  'Needle Program': 'garbage',
  Housing: 'property-management',
  Building: 'illegal-construction',
  'Noise Disturbance': 'noise-nuisance',
  'Park Maintenance & Safety': 'greening',
  Trees: 'greening',
  'Employee & General Comments': 'policy-consultation',
  'Administrative & General Requests': 'policy-consultation',
};

/** How table keys and source types are compared: trimmed, case-folded, inner spaces collapsed. */
export function typeKey(type: string): string {
  return type.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A lookup over tables, later ones winning; built once per import. */
export class CategoryMap {
  private readonly byKey = new Map<string, CategoryId>();

  constructor(
    tables: readonly CategoryTable[],
    readonly fallback: CategoryId = FALLBACK_CATEGORY,
  ) {
    for (const table of tables) {
      for (const [type, id] of Object.entries(table)) this.byKey.set(typeKey(type), id);
    }
  }

  /** The category of a source type, or `undefined` when no table knows it (the caller counts it). */
  lookup(type: string): CategoryId | undefined {
    return this.byKey.get(typeKey(type));
  }
}

/** The built-in tables, both cities together (their type names do not collide). */
export const BUILT_IN_CATEGORY_TABLES: readonly CategoryTable[] = [NYC_CATEGORIES, BOSTON_CATEGORIES];
