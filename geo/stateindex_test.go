package geo

import (
	"os"
	"testing"
)

// BenchmarkStateIndex builds the index the first StateAt needs: at start-up
// for the coarse level the window opens with, then for the full map.
func BenchmarkStateIndex(b *testing.B) {
	for _, c := range []struct {
		name  string
		level int
	}{{"full", 0}, {"quick", 4}} {
		m, err := LoadMapLevels(os.DirFS("../assets/map"), MexicoLCC, c.level)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				newStateIndex(m.States)
			}
		})
	}
}
