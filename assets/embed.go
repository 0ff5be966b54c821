// Package assets holds the data Sovmap embeds: the map of Mexico and its
// gazetteer (written by the generator in assets/gen from INEGI's Marco
// Geoestadístico and, for the neighbouring countries, Natural Earth), the
// built-in story and the app icon.
package assets

import (
	"embed"
	"io/fs"
)

//go:generate go run ./gen -out map -inegi ${INEGI}
//go:generate go run ./genicon -out icon.png
//go:generate go run ./genicon -size 256 -out windowicon.png

// Version is the app's version, as FyneApp.toml gives it (a test checks).
const Version = "0.1.0"

//go:embed map/*.gz map/*.bin
var mapFiles embed.FS

//go:embed story/story.geojson
var storyFile []byte

//go:embed icon.png
var iconFile []byte

//go:embed windowicon.png
var windowIconFile []byte

// Map is the folder of the map's files: its manifest, shapes, levels of
// detail and localities (see geo.LoadMap and package gazetteer).
func Map() fs.FS {
	sub, err := fs.Sub(mapFiles, "map")
	if err != nil {
		panic(err) // the embedded folder is fixed at build time
	}
	return sub
}

// Story is the built-in story: the places, incidents and timeline of the
// 2025 US–Mexico sovereignty dispute, as GeoJSON.
func Story() []byte { return storyFile }

// Icon is the app's icon, a 1024x1024 PNG drawn by assets/genicon.
func Icon() []byte { return iconFile }

// WindowIcon is the same icon at 256x256, for the window itself: the
// window manager is sent it pixel by pixel at start-up, where the
// 1024-pixel icon took several milliseconds to decode and send, and no
// window manager shows a window's icon larger than this.
func WindowIcon() []byte { return windowIconFile }
