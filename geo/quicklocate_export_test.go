package geo

// For the tests: LocateIn's coarse level and its test of nearness.
const LocateLevel = locateLevel

// NearArc is (*Map).nearArc.
var NearArc = (*Map).nearArc
