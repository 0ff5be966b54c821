// Package native reads what only the desktop's own window system can tell:
// a window's pixels as the screen shows them (Fyne's own capture is black
// under Xvfb and Wine), and the screen's size. It uses cgo and Xlib on
// X11, and user32 and gdi32 on Windows.
package native
