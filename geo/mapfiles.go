package geo

import "fmt"

// The embedded map is a folder of files written by the generator in
// assets/gen: a manifest naming the regions, their shapes as rings of
// shared arcs (see package topology), and the arcs at each level of
// detail, each level holding only the points it adds to the next coarser
// one. The manifest and shapes are gzip-compressed; the levels are not:
// their varints compress only to two thirds, and a point near a boundary
// reads the finest levels (see LocateIn), which would spend 45 ms
// decompressing. Coordinates are projected metres (MexicoLCC) on a grid
// of Manifest.Quantum.
const (
	ManifestFile = "map.json.gz"
	ShapesFile   = "shapes.bin.gz"
)

// LevelFile is the file of level of detail lvl (0 the finest).
func LevelFile(lvl int) string { return fmt.Sprintf("level%02d.bin", lvl) }

// ManifestFormat is the manifest's format number; the loader refuses
// others.
const ManifestFormat = 1

// Manifest is the map's table of contents.
type Manifest struct {
	Format     int    `json:"format"`
	Projection string `json:"projection"`
	// Quantum is the grid the coordinates lie on, metres.
	Quantum float64 `json:"quantum_m"`
	// Tolerances are how far, at most, each level's lines lie from
	// INEGI's (on the Quantum grid), metres; finest first.
	Tolerances []float64 `json:"tolerances_m"`
	// Sources name where the data comes from and its terms.
	Sources []string `json:"sources"`
	// Regions are the map's areas, in the order of the shapes file.
	Regions []RegionRecord `json:"regions"`
	// Unstroked are the arcs never drawn as a border: where a
	// neighbouring country was cut to the area around Mexico.
	Unstroked []int32 `json:"unstroked_arcs"`
}

// RegionRecord is one region of the manifest.
type RegionRecord struct {
	Kind   string `json:"kind"` // "municipality", "state", "nation" (Mexico whole) or "country"
	Code   string `json:"code"` // INEGI's key for a municipality, ISO 3166-2 for a state, ISO 3166-1 alpha-3 for a country
	Key    string `json:"key,omitempty"`
	Name   string `json:"name"`
	NameES string `json:"name_es,omitempty"`
	// Short are shorter names for a map's label, where Name does not fit
	// (a state's common name, then INEGI's abbreviation).
	Short  []string `json:"short,omitempty"`
	Parent string   `json:"parent,omitempty"` // a municipality's state, by its code
	Pop    int      `json:"pop,omitempty"`
	// Label is where the name goes, projected metres.
	Label [2]float64 `json:"label"`
}

// QuickLevel is the finest level a first look at the whole country needs
// (1,280 m: half a pixel at 2.5 km a pixel, a window's first view), so
// that the window can draw its first frame from a few small files and
// load the rest behind it.
const QuickLevel = 8
