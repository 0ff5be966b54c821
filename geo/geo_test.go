package geo_test

import (
	"io/fs"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo"
)

func assetsMap() fs.FS { return assets.Map() }

var (
	loadOnce  sync.Once
	loadedMap *geo.Map
	loadErr   error
)

// embeddedMap loads the embedded map once for all tests and benchmarks.
func embeddedMap(tb testing.TB) *geo.Map {
	tb.Helper()
	loadOnce.Do(func() { loadedMap, loadErr = geo.LoadMap(assets.Map(), geo.MexicoLCC) })
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return loadedMap
}

// The story's places, as facts.md gives them.
var places = []struct {
	id, state string
	lonlat    orb.Point
}{
	{"huitzilac", "MX-MOR", orb.Point{-99.2669, 19.0281}},
	{"teuchitlan", "MX-JAL", orb.Point{-103.8486, 20.6847}},
	{"teocaltiche", "MX-JAL", orb.Point{-102.5833, 21.4333}},
	{"coxquihui", "MX-VER", orb.Point{-97.5833, 20.1833}},
}
