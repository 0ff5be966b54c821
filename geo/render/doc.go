// Package render draws a view of the map with a scene on it: states and
// countries filled and outlined at the level of detail the view needs,
// highlighted and hovered states, markers and clusters, labels, and the
// furniture of a map (legend, scale bar, north arrow, title, attribution).
// One Renderer draws into an image (anti-aliased, two cores, no allocation
// once warm) and writes SVG with the same layout, so the window and every
// export share one drawing. It imports no UI toolkit.
package render
