package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// stateInfo is what INEGI's catalogue of states (AGEE) says of a state,
// with its ISO 3166-2 code.
type stateInfo struct {
	key    string // INEGI's two digits
	iso    string // ISO 3166-2
	name   string // INEGI's name
	common string // the name in common use, shorter, for a map's label where INEGI's does not fit
	abbr   string // INEGI's abbreviation, where neither fits
}

// states are Mexico's 32 states by INEGI's key. The names are INEGI's
// (Catálogo Único de Claves de Áreas Geoestadísticas), but "México",
// which is shown as "Estado de México" so that it is never taken for the
// country.
var states = []stateInfo{
	{"01", "MX-AGU", "Aguascalientes", "Aguascalientes", "Ags."},
	{"02", "MX-BCN", "Baja California", "Baja California", "BC"},
	{"03", "MX-BCS", "Baja California Sur", "Baja California Sur", "BCS"},
	{"04", "MX-CAM", "Campeche", "Campeche", "Camp."},
	{"05", "MX-COA", "Coahuila de Zaragoza", "Coahuila", "Coah."},
	{"06", "MX-COL", "Colima", "Colima", "Col."},
	{"07", "MX-CHP", "Chiapas", "Chiapas", "Chis."},
	{"08", "MX-CHH", "Chihuahua", "Chihuahua", "Chih."},
	{"09", "MX-CMX", "Ciudad de México", "Ciudad de México", "CDMX"},
	{"10", "MX-DUR", "Durango", "Durango", "Dgo."},
	{"11", "MX-GUA", "Guanajuato", "Guanajuato", "Gto."},
	{"12", "MX-GRO", "Guerrero", "Guerrero", "Gro."},
	{"13", "MX-HID", "Hidalgo", "Hidalgo", "Hgo."},
	{"14", "MX-JAL", "Jalisco", "Jalisco", "Jal."},
	{"15", "MX-MEX", "Estado de México", "Estado de México", "Méx."},
	{"16", "MX-MIC", "Michoacán de Ocampo", "Michoacán", "Mich."},
	{"17", "MX-MOR", "Morelos", "Morelos", "Mor."},
	{"18", "MX-NAY", "Nayarit", "Nayarit", "Nay."},
	{"19", "MX-NLE", "Nuevo León", "Nuevo León", "NL"},
	{"20", "MX-OAX", "Oaxaca", "Oaxaca", "Oax."},
	{"21", "MX-PUE", "Puebla", "Puebla", "Pue."},
	{"22", "MX-QUE", "Querétaro", "Querétaro", "Qro."},
	{"23", "MX-ROO", "Quintana Roo", "Quintana Roo", "Q. Roo"},
	{"24", "MX-SLP", "San Luis Potosí", "San Luis Potosí", "SLP"},
	{"25", "MX-SIN", "Sinaloa", "Sinaloa", "Sin."},
	{"26", "MX-SON", "Sonora", "Sonora", "Son."},
	{"27", "MX-TAB", "Tabasco", "Tabasco", "Tab."},
	{"28", "MX-TAM", "Tamaulipas", "Tamaulipas", "Tamps."},
	{"29", "MX-TLA", "Tlaxcala", "Tlaxcala", "Tlax."},
	{"30", "MX-VER", "Veracruz de Ignacio de la Llave", "Veracruz", "Ver."},
	{"31", "MX-YUC", "Yucatán", "Yucatán", "Yuc."},
	{"32", "MX-ZAC", "Zacatecas", "Zacatecas", "Zac."},
}

// municipality is one area of the Marco Geoestadístico's municipal layer
// (AGEM), in longitude and latitude.
type municipality struct {
	key   string // five digits: the state's two and the municipality's three
	name  string
	pop   int // 2020 census, where INEGI attaches it
	shape orb.MultiPolygon
}

// The files of the INEGI folder (see its README).
const (
	municipalitiesFile = "municipios.geojsonl.xz"
	localitiesFile     = "localidades.csv.xz"
	bcsStateFile       = "bcs-state.geojson"
)

// openMaybeXZ opens name, or, where only name+".xz" or a name ending in
// .xz exists, its decompressed content (through the xz command).
func openMaybeXZ(name string) (io.ReadCloser, error) {
	plain := strings.TrimSuffix(name, ".xz")
	if f, err := os.Open(plain); err == nil {
		return f, nil
	}
	if _, err := os.Stat(name); err != nil {
		return nil, fmt.Errorf("%s: %w (INEGI's data is not in the repository: see the README)", name, err)
	}
	out, err := exec.Command("xz", "-dc", name).Output()
	if err != nil {
		return nil, fmt.Errorf("%s: xz: %w", name, err)
	}
	return io.NopCloser(bytes.NewReader(out)), nil
}

// readMunicipalities reads the municipalities, one GeoJSON feature a line.
func readMunicipalities(dir string) ([]*municipality, error) {
	name := filepath.Join(dir, municipalitiesFile)
	f, err := openMaybeXZ(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 256<<20)
	var out []*municipality
	line := 0
	for sc.Scan() {
		line++
		ft, err := geojson.UnmarshalFeature(sc.Bytes())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		key, _ := ft.Properties["cvegeo"].(string)
		nom, _ := ft.Properties["nom_agem"].(string)
		pop, _ := ft.Properties["pob"].(float64)
		mp := asMultiPolygon(ft.Geometry)
		if len(key) != 5 || nom == "" || mp == nil {
			return nil, fmt.Errorf("%s:%d: a municipality needs a five-digit cvegeo, a nom_agem and a polygon", name, line)
		}
		out = append(out, &municipality{key: key, name: nom, pop: int(pop), shape: mp})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// locality is one row of the localities file.
type locality struct {
	key      string // nine digits: municipality five, locality four
	name     string
	urban    bool
	lon, lat float64
	pop      int
}

// readLocalities reads INEGI's localities, sorted by key, and counts the
// rows that hold only a key (no name, no coordinates), which it skips.
func readLocalities(dir string) (locs []locality, empty int, err error) {
	name := filepath.Join(dir, localitiesFile)
	f, err := openMaybeXZ(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, want := range []string{"cvegeo", "nom_loc", "ambito", "latitud", "longitud", "pob"} {
		if _, ok := col[want]; !ok {
			return nil, 0, fmt.Errorf("%s: no column %q", name, want)
		}
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		if rec[col["nom_loc"]] == "" && rec[col["latitud"]] == "" && rec[col["longitud"]] == "" {
			empty++
			continue
		}
		lat, err1 := strconv.ParseFloat(rec[col["latitud"]], 64)
		lon, err2 := strconv.ParseFloat(rec[col["longitud"]], 64)
		pop, _ := strconv.Atoi(rec[col["pob"]])
		l := locality{key: rec[col["cvegeo"]], name: rec[col["nom_loc"]], urban: rec[col["ambito"]] == "URBANO", lon: lon, lat: lat, pop: pop}
		if err := errors.Join(err1, err2); err != nil || len(l.key) != 9 || l.name == "" {
			return nil, 0, fmt.Errorf("%s:%d: a locality needs a nine-digit cvegeo, a name and coordinates (%v)", name, line, err)
		}
		locs = append(locs, l)
	}
	sort.Slice(locs, func(i, j int) bool { return locs[i].key < locs[j].key })
	return locs, empty, nil
}

// readState reads the one state outline of the INEGI folder.
func readState(dir string) (orb.MultiPolygon, error) {
	name := filepath.Join(dir, bcsStateFile)
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(fc.Features) != 1 {
		return nil, fmt.Errorf("%s: %d features, want the one state", name, len(fc.Features))
	}
	mp := asMultiPolygon(fc.Features[0].Geometry)
	if mp == nil {
		return nil, fmt.Errorf("%s: the state is not a polygon", name)
	}
	return mp, nil
}

func asMultiPolygon(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}
