/**
 * Contacts between arrival and the end of their call: arrival time, category and street by contact
 * id. Ids in flight are recent and nearly contiguous, so a ring keyed by id & mask replaces a Map
 * (no allocation per contact on the hot path); a slot still held by a live contact makes it grow.
 */
export class ContactTable {
  private mask = 4095;
  private ids = new Int32Array(4096).fill(-1);
  private arrivals = new Float64Array(4096);
  private categories = new Int32Array(4096);
  private streets = new Int32Array(4096);
  private waits = new Float64Array(4096);

  set(id: number, arrival: number, category: number, street: number): void {
    let slot = id & this.mask;
    while (this.ids[slot] !== -1 && this.ids[slot] !== id) {
      this.grow();
      slot = id & this.mask;
    }
    this.ids[slot] = id;
    this.arrivals[slot] = arrival;
    this.categories[slot] = category;
    this.streets[slot] = street;
    this.waits[slot] = 0;
  }

  /** Seconds the contact waited for an agent. */
  setWait(id: number, seconds: number): void {
    const slot = this.find(id);
    if (slot >= 0) this.waits[slot] = seconds;
  }

  wait(slot: number): number {
    return this.waits[slot] as number;
  }

  /** The slot of a live contact, or -1. */
  find(id: number): number {
    const slot = id & this.mask;
    return this.ids[slot] === id ? slot : -1;
  }

  arrival(slot: number): number {
    return this.arrivals[slot] as number;
  }

  category(slot: number): number {
    return this.categories[slot] as number;
  }

  street(slot: number): number {
    return this.streets[slot] as number;
  }

  delete(id: number): void {
    const slot = id & this.mask;
    if (this.ids[slot] === id) this.ids[slot] = -1;
  }

  private grow(): void {
    const old = {
      ids: this.ids,
      arrivals: this.arrivals,
      categories: this.categories,
      streets: this.streets,
      waits: this.waits,
    };
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.ids = new Int32Array(size).fill(-1);
    this.arrivals = new Float64Array(size);
    this.categories = new Int32Array(size);
    this.streets = new Int32Array(size);
    this.waits = new Float64Array(size);
    old.ids.forEach((id, i) => {
      if (id === -1) return;
      const slot = id & this.mask;
      this.ids[slot] = id;
      this.arrivals[slot] = old.arrivals[i] as number;
      this.categories[slot] = old.categories[i] as number;
      this.streets[slot] = old.streets[i] as number;
      this.waits[slot] = old.waits[i] as number;
    });
  }
}
