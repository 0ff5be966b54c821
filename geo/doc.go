// Package geo is Sovmap's geometry and drawing core: the map projection, the
// viewport that turns projected metres into pixels, the embedded map's data
// model with its levels of detail, hit-testing, and the one renderer that the
// window, the export and the tests all draw with.
//
// It uses github.com/paulmach/orb for all geometry and imports no UI toolkit.
package geo
