// Package native reads what only the desktop's own window system can tell:
// a window's pixels as the screen shows them (Fyne's own capture is black
// under Xvfb), and the screen's size. It uses cgo and Xlib on X11.
package native
