//go:build windows

package native

import (
	"errors"
	"fmt"
	"image"
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

var (
	user32 = syscall.NewLazyDLL("user32.dll")
	gdi32  = syscall.NewLazyDLL("gdi32.dll")

	getDC            = user32.NewProc("GetDC")
	releaseDC        = user32.NewProc("ReleaseDC")
	getClientRect    = user32.NewProc("GetClientRect")
	clientToScreen   = user32.NewProc("ClientToScreen")
	getSystemMetrics = user32.NewProc("GetSystemMetrics")

	createCompatibleDC = gdi32.NewProc("CreateCompatibleDC")
	createDIBSection   = gdi32.NewProc("CreateDIBSection")
	selectObject       = gdi32.NewProc("SelectObject")
	bitBlt             = gdi32.NewProc("BitBlt")
	deleteObject       = gdi32.NewProc("DeleteObject")
	deleteDC           = gdi32.NewProc("DeleteDC")
)

const (
	smCXScreen = 0
	smCYScreen = 1
	srcCopy    = 0x00CC0020
	captureBlt = 0x40000000
	dibRGB     = 0
)

type rect struct{ Left, Top, Right, Bottom int32 }

type point struct{ X, Y int32 }

// bitmapInfoHeader is Win32's BITMAPINFOHEADER.
type bitmapInfoHeader struct {
	Size                         uint32
	Width, Height                int32
	Planes, BitCount             uint16
	Compression, SizeImage       uint32
	XPelsPerMeter, YPelsPerMeter int32
	ClrUsed, ClrImportant        uint32
}

// Capture copies the window's client area from the screen, as it shows
// it: a BitBlt from the desktop's device context, which holds what the
// compositor shows, OpenGL content included (Fyne's own Capture reads the
// GL front buffer, which is black under Wine as under Xvfb). The window
// must be on screen and uncovered. It runs on the UI goroutine.
func Capture(w fyne.Window) (image.Image, error) {
	var hwnd uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if c, ok := ctx.(driver.WindowsWindowContext); ok {
				hwnd = c.HWND
			}
		})
	}
	if hwnd == 0 {
		return w.Canvas().Capture(), nil
	}
	var r rect
	if ok, _, err := getClientRect.Call(hwnd, uintptr(unsafe.Pointer(&r))); ok == 0 {
		return nil, fmt.Errorf("cannot read the window's size: %v", err)
	}
	width, height := int(r.Right-r.Left), int(r.Bottom-r.Top)
	if width <= 0 || height <= 0 {
		return nil, errors.New("the window has no area to capture (is it minimised?)")
	}
	var origin point
	if ok, _, err := clientToScreen.Call(hwnd, uintptr(unsafe.Pointer(&origin))); ok == 0 {
		return nil, fmt.Errorf("cannot find the window on the screen: %v", err)
	}
	screen, _, _ := getDC.Call(0)
	if screen == 0 {
		return nil, errors.New("cannot read the screen")
	}
	defer releaseDC.Call(0, screen)
	mem, _, _ := createCompatibleDC.Call(screen)
	if mem == 0 {
		return nil, errors.New("cannot make a device context to copy the window into")
	}
	defer deleteDC.Call(mem)
	// A top-down 32-bit DIB: rows from the top, pixels as B, G, R, x.
	hdr := bitmapInfoHeader{Width: int32(width), Height: -int32(height), Planes: 1, BitCount: 32, Compression: dibRGB}
	hdr.Size = uint32(unsafe.Sizeof(hdr))
	var bits unsafe.Pointer
	dib, _, _ := createDIBSection.Call(mem, uintptr(unsafe.Pointer(&hdr)), dibRGB, uintptr(unsafe.Pointer(&bits)), 0, 0)
	if dib == 0 || bits == nil {
		return nil, errors.New("cannot make a bitmap to copy the window into")
	}
	defer deleteObject.Call(dib)
	old, _, _ := selectObject.Call(mem, dib)
	defer selectObject.Call(mem, old)
	if ok, _, err := bitBlt.Call(mem, 0, 0, uintptr(width), uintptr(height), screen,
		uintptr(origin.X), uintptr(origin.Y), srcCopy|captureBlt); ok == 0 {
		return nil, fmt.Errorf("cannot copy the window from the screen: %v", err)
	}
	src := unsafe.Slice((*byte)(bits), 4*width*height)
	out := image.NewRGBA(image.Rect(0, 0, width, height))
	for i := 0; i < width*height; i++ {
		out.Pix[4*i], out.Pix[4*i+1], out.Pix[4*i+2], out.Pix[4*i+3] = src[4*i+2], src[4*i+1], src[4*i], 0xff
	}
	return out, nil
}

// ScreenSize is the size, in pixels, of the primary screen.
func ScreenSize() (w, h int) {
	cx, _, _ := getSystemMetrics.Call(smCXScreen)
	cy, _, _ := getSystemMetrics.Call(smCYScreen)
	return int(cx), int(cy)
}

// CheckDisplay is optimistic on Windows: a desktop session always has one.
func CheckDisplay() error { return nil }
