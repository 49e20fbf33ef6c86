export { CityMapView, type MapFocus } from './CityMapView';
