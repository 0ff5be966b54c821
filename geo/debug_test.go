package geo_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"

	"sovmap/geo/geotest"
)

func TestDebugBCS(t *testing.T) {
	m := geotest.Map(t)
	fc := geojson.NewFeatureCollection()
	st := m.StateByCode("MX-BCS")
	g := m.Geometry(st, 0)
	fc.Append(geojson.NewFeature(g))
	for _, p := range g {
		fmt.Println("state poly", len(p), planar.Area(p)/1e6, "rings", len(p))
	}
	for _, k := range []string{"03001", "03002", "03003", "03008", "03009"} {
		mu := m.MunicipalityByKey(k)
		fc.Append(geojson.NewFeature(m.Geometry(mu, 0)))
		fmt.Println(k, planar.Area(m.Geometry(mu, 0))/1e6)
	}
	fmt.Println("state", planar.Area(g)/1e6, "rings", len(st.Rings()))
	raw, _ := fc.MarshalJSON()
	os.WriteFile("/tmp/bcs.json", raw, 0o644)
}
