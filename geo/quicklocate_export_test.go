package geo

// For the tests: LocateIn's coarse level and its test of nearness.
const LocateLevel = locateLevel

// LocateCoarse is (*Map).locateCoarse.
var LocateCoarse = (*Map).locateCoarse
