//go:build !linux || wayland

package ui

import (
	"image"

	"fyne.io/fyne/v2"
)

// captureWindow asks Fyne for the window's pixels.
func captureWindow(w fyne.Window) (image.Image, error) {
	return w.Canvas().Capture(), nil
}
