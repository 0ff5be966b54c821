package render

import "image/color"

// Style holds the colours and sizes of a rendering. Sizes are given at
// scale 1 (one pixel per point) and multiplied by Scale, so the same style
// serves a HiDPI window and a 300 dpi export.
type Style struct {
	Sea, Neighbour, Land           color.RGBA
	Highlight, Hover, SelectedLand color.RGBA
	StateBorder, CountryBorder     color.RGBA
	Marker, MarkerRing, Selection  color.RGBA
	Badge, BadgeText               color.RGBA
	Label, CountryLabel, Halo      color.RGBA
	Panel, PanelText               color.RGBA

	Scale       float64 // pixels per point
	BorderWidth float64 // state borders, points
	MarkerSize  float64 // marker radius, points
	LabelSize   float64 // state labels, points
}

// LightStyle is the map's look on a light theme.
func LightStyle(scale float64) Style {
	return Style{
		Sea:           rgb(0xc6, 0xdb, 0xea),
		Neighbour:     rgb(0xe4, 0xe1, 0xda),
		Land:          rgb(0xfa, 0xf6, 0xec),
		Highlight:     rgb(0xf3, 0xd6, 0xa4),
		Hover:         rgb(0xec, 0xe4, 0xcc),
		SelectedLand:  rgb(0xec, 0xb8, 0x6e),
		StateBorder:   rgb(0x8e, 0x85, 0x75),
		CountryBorder: rgb(0xa9, 0xa4, 0x9a),
		Marker:        rgb(0xc0, 0x2b, 0x25),
		MarkerRing:    rgb(0xff, 0xff, 0xff),
		Selection:     rgb(0x1f, 0x4e, 0x9c),
		Badge:         rgb(0x22, 0x22, 0x22),
		BadgeText:     rgb(0xff, 0xff, 0xff),
		Label:         rgb(0x3a, 0x36, 0x30),
		CountryLabel:  rgb(0x7a, 0x76, 0x6e),
		Halo:          rgba(0xff, 0xff, 0xff, 0xd0),
		Panel:         rgba(0xff, 0xff, 0xff, 0xe0),
		PanelText:     rgb(0x22, 0x22, 0x22),
		Scale:         scale,
		BorderWidth:   0.8,
		MarkerSize:    7,
		LabelSize:     11,
	}
}

// DarkStyle is the map's look on a dark theme.
func DarkStyle(scale float64) Style {
	s := LightStyle(scale)
	s.Sea = rgb(0x16, 0x22, 0x2e)
	s.Neighbour = rgb(0x2b, 0x2f, 0x35)
	s.Land = rgb(0x3b, 0x40, 0x48)
	s.Highlight = rgb(0x6e, 0x5a, 0x36)
	s.Hover = rgb(0x4a, 0x51, 0x5c)
	s.SelectedLand = rgb(0x96, 0x70, 0x30)
	s.StateBorder = rgb(0x8a, 0x92, 0x9e)
	s.CountryBorder = rgb(0x5a, 0x60, 0x68)
	s.Marker = rgb(0xff, 0x5e, 0x4d)
	s.MarkerRing = rgb(0x10, 0x10, 0x10)
	s.Selection = rgb(0x8c, 0xc4, 0xff)
	s.Badge = rgb(0xf0, 0xf0, 0xf0)
	s.BadgeText = rgb(0x10, 0x10, 0x10)
	s.Label = rgb(0xee, 0xee, 0xee)
	s.CountryLabel = rgb(0xa0, 0xa4, 0xaa)
	s.Halo = rgba(0x10, 0x14, 0x18, 0xc0)
	s.Panel = rgba(0x20, 0x24, 0x2a, 0xe0)
	s.PanelText = rgb(0xee, 0xee, 0xee)
	return s
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// rgba makes a translucent colour; color.RGBA holds premultiplied values.
func rgba(r, g, b, a uint8) color.RGBA {
	return color.RGBAModel.Convert(color.NRGBA{r, g, b, a}).(color.RGBA)
}
