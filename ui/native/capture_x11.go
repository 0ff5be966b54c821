//go:build linux && !wayland

package native

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

static unsigned long allPlanes(void) { return AllPlanes; }
static void destroyImage(XImage *i) { XDestroyImage(i); }
static unsigned int pixelAt(XImage *i, int x, int y) { return (unsigned int)XGetPixel(i, x, y); }
*/
import "C"

import (
	"errors"
	"fmt"
	"image"
	"math/bits"
	"os"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// Capture reads the window's pixels back from the X server, as it shows
// them: the same source as `import -window`. (Fyne's own Capture reads the
// GL front buffer, which Mesa under Xvfb leaves black.) Where the window is
// not an X11 one, it falls back to Fyne's Capture. It runs on the UI
// goroutine.
func Capture(w fyne.Window) (image.Image, error) {
	var handle uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if x, ok := ctx.(driver.X11WindowContext); ok {
				handle = x.WindowHandle
			}
		})
	}
	if handle == 0 {
		return w.Canvas().Capture(), nil
	}
	dpy := C.XOpenDisplay(nil)
	if dpy == nil {
		return nil, errors.New("cannot open the X display to read the window")
	}
	defer C.XCloseDisplay(dpy)
	win := C.Window(handle)
	var attrs C.XWindowAttributes
	if C.XGetWindowAttributes(dpy, win, &attrs) == 0 || attrs.width <= 0 || attrs.height <= 0 {
		return nil, errors.New("cannot read the window's size from the X server")
	}
	xi := C.XGetImage(dpy, C.Drawable(win), 0, 0, C.uint(attrs.width), C.uint(attrs.height), C.allPlanes(), C.ZPixmap)
	if xi == nil {
		return nil, errors.New("the X server gave no image of the window (is it on screen?)")
	}
	defer C.destroyImage(xi)
	return fromXImage(xi), nil
}

// ScreenSize is the size, in pixels, of the default X screen; 0, 0 when
// there is no X display to ask.
func ScreenSize() (w, h int) {
	dpy := C.XOpenDisplay(nil)
	if dpy == nil {
		return 0, 0
	}
	defer C.XCloseDisplay(dpy)
	scr := C.XDefaultScreen(dpy)
	return int(C.XDisplayWidth(dpy, scr)), int(C.XDisplayHeight(dpy, scr))
}

// fromXImage converts an XImage of any true-colour layout to RGBA.
func fromXImage(xi *C.XImage) *image.RGBA {
	w, h := int(xi.width), int(xi.height)
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	rm, gm, bm := uint32(xi.red_mask), uint32(xi.green_mask), uint32(xi.blue_mask)
	channel := func(p, mask uint32) uint8 {
		if mask == 0 {
			return 0
		}
		v := (p & mask) >> bits.TrailingZeros32(mask)
		width := bits.OnesCount32(mask)
		return uint8(v * 255 / (1<<width - 1))
	}
	fast := xi.bits_per_pixel == 32 && xi.byte_order == C.LSBFirst
	data := unsafe.Slice((*byte)(unsafe.Pointer(xi.data)), int(xi.bytes_per_line)*h)
	for y := 0; y < h; y++ {
		row := out.Pix[y*out.Stride:]
		for x := 0; x < w; x++ {
			var p uint32
			if fast {
				o := y*int(xi.bytes_per_line) + 4*x
				p = uint32(data[o]) | uint32(data[o+1])<<8 | uint32(data[o+2])<<16 | uint32(data[o+3])<<24
			} else {
				p = uint32(C.pixelAt(xi, C.int(x), C.int(y)))
			}
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = channel(p, rm), channel(p, gm), channel(p, bm), 0xff
		}
	}
	return out
}

// checked is the connection CheckDisplay opened, kept open for as long as
// the process runs: an X server with no other client (xvfb-run, Xvfb on
// its own) resets when its last client leaves, and for the moment it takes
// refuses connections, so closing it here had GLFW's own connection, a
// moment later, fail ("Failed to open display") and Fyne panic.
var checked *C.Display

// CheckDisplay says, without a panic, whether a window can be opened: an
// error naming the display when the X server cannot be reached, or has no
// OpenGL (no GLX extension: a VNC server, or Xvfb without it), which
// Fyne's window needs and without which it would hang or crash.
func CheckDisplay() error {
	if checked != nil {
		return nil
	}
	dpy := C.XOpenDisplay(nil)
	name := os.Getenv("DISPLAY")
	if dpy == nil {
		if name == "" {
			return errors.New("no display to open a window on (DISPLAY is not set)")
		}
		return fmt.Errorf("cannot open the display %s", name)
	}
	glx := C.CString("GLX")
	defer C.free(unsafe.Pointer(glx))
	var op, ev, errBase C.int
	if C.XQueryExtension(dpy, glx, &op, &ev, &errBase) == 0 {
		C.XCloseDisplay(dpy)
		return fmt.Errorf("no OpenGL on the display %s (its X server has no GLX extension)", name)
	}
	checked = dpy
	return nil
}
