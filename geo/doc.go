// Package geo is Sovmap's geometry core: the map projection (INEGI's
// Lambert conformal conic for Mexico), the viewport that turns projected
// metres into pixels, the embedded map's regions with their levels of
// detail, hit-testing, the scale bar and true north. Its subpackages take
// the data one way, from the story to the screen: story (the model),
// storyfile (reading and writing it), appstate (what the user can change),
// scene (what is drawn), render (drawing it) and export (files of it).
//
// It uses github.com/paulmach/orb for all geometry and imports no UI toolkit.
package geo
