package gazetteer

import (
	"strings"

	"github.com/paulmach/orb"

	"sovmap/geo"
)

// Names finds Mexico's states and municipalities by the names files give
// them where they give no coordinates: conflict data's admin1 and admin2
// ("Mexico City", "Michoacan", "Teuchitlan"), UCDP's adm_1 and adm_2
// ("Jalisco state", "Teocaltiche municipality"), a statistic's table.
// Names are compared as Normalize writes them; a municipality is looked
// for within its state, as many names repeat across states.
type Names struct {
	m      *geo.Map
	states map[string]*geo.Region // by normalized name, short name or alias
	munis  map[string]*geo.Region // by state code + "|" + normalized name
}

// stateAliases are other names files give states: English, older, and
// ACLED's.
var stateAliases = map[string]string{
	"mexico city": "MX-CMX", "cdmx": "MX-CMX", "distrito federal": "MX-CMX", "df": "MX-CMX", "federal district": "MX-CMX",
	"mexico": "MX-MEX", "state of mexico": "MX-MEX", "edomex": "MX-MEX", "edo mex": "MX-MEX",
	"veracruz": "MX-VER", "coahuila": "MX-COA", "michoacan": "MX-MIC",
}

// NewNames indexes m's states and municipalities by name.
func NewNames(m *geo.Map) *Names {
	n := &Names{m: m, states: map[string]*geo.Region{}, munis: make(map[string]*geo.Region, len(m.Municipalities))}
	for _, s := range m.States {
		for _, name := range append([]string{s.Name, s.NameES}, s.Short...) {
			if k := Normalize(name); k != "" {
				n.states[k] = s
			}
		}
	}
	for alias, code := range stateAliases {
		if s := m.StateByCode(code); s != nil {
			n.states[alias] = s
		}
	}
	for _, mu := range m.Municipalities {
		if mu.State != nil {
			n.munis[mu.State.Code+"|"+Normalize(mu.Name)] = mu
		}
	}
	return n
}

// bareName is a name without the words files add to say what it is:
// "Jalisco state", "Estado de Jalisco", "Teocaltiche municipality",
// "Municipio de Teocaltiche".
func bareName(s string) string {
	k := Normalize(s)
	for _, w := range []string{" state", " municipality", " municipio", " province"} {
		k = strings.TrimSuffix(k, w)
	}
	for _, w := range []string{"estado de ", "municipio de ", "state of "} {
		if t := strings.TrimPrefix(k, w); t != k && t != "mexico" {
			k = t
		}
	}
	return k
}

// State is the state of a name, or nil.
func (n *Names) State(name string) *geo.Region {
	if s := n.states[Normalize(name)]; s != nil {
		return s
	}
	return n.states[bareName(name)]
}

// Municipality is the municipality of a name within the named state, or
// nil.
func (n *Names) Municipality(state, name string) *geo.Region {
	s := n.State(state)
	if s == nil {
		return nil
	}
	if mu := n.munis[s.Code+"|"+Normalize(name)]; mu != nil {
		return mu
	}
	return n.munis[s.Code+"|"+bareName(name)]
}

// FindPlace places what is known only by its names: the municipality
// named within its state (precision "municipality"), else the state
// (precision "region"), at the point where the area's name is drawn, in
// longitude and latitude. ok is false where neither is known.
func (n *Names) FindPlace(state, municipality string) (pt orb.Point, precision, code string, ok bool) {
	area, precision := n.Municipality(state, municipality), "municipality"
	if area == nil {
		area, precision = n.State(state), "region"
	}
	if area == nil {
		return orb.Point{}, "", "", false
	}
	return n.m.Proj.Inverse(area.Label), precision, area.Code, true
}
