//go:build !linux

package atomicfile

import (
	"os"
	"sovmap/geo/phrase"
)

var errNoUnnamed = phrase.New("unnamed temporary files are not supported here")

// openUnnamed is not available off Linux: the temporary file is named.
func openUnnamed(string) (*os.File, error) { return nil, errNoUnnamed }

func linkUnnamed(*os.File, string) (string, error) { return "", errNoUnnamed }
