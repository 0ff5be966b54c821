package assets

import (
	"os"
	"regexp"
	"testing"
)

// Version is FyneApp.toml's, which the packages (desktop metainfo, the
// Windows version resource) carry.
func TestVersionIsFyneApps(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(b)
	if m == nil || string(m[1]) != Version {
		t.Errorf("FyneApp.toml says Version %q, assets.Version is %q", m, Version)
	}
}
