package geo_test

import (
	"io/fs"

	"sovmap/assets"
)

func assetsMap() fs.FS { return assets.Map() }
