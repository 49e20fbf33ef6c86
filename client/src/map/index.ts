export { CityMapView } from './CityMapView';
