export { Welford, type WelfordState } from './welford';
export { QuantileSketch, type QuantileSketchOptions, type QuantileSketchState } from './quantile-sketch';
export { TimeWeighted } from './time-weighted';
export { tQuantile, tCdf } from './student-t';
export { meanCI, pairedDifferenceCI, type MeanCI, type PairedCI } from './confidence';
export { batchMeansCI, type BatchMeansCI } from './batch-means';
