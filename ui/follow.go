package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's scroll container does not follow the keyboard: a form worked by
// Tab would type into fields out of sight. The form's fields are these
// wrappers, which tell it (reveal) when they take the keyboard, and it
// scrolls them into view (scrollTo).

// followEntry is a one-line field that is scrolled into view when it
// takes the keyboard.
type followEntry struct {
	widget.Entry
	reveal func(fyne.CanvasObject)
}

func newFollowEntry(reveal func(fyne.CanvasObject)) *followEntry {
	e := &followEntry{reveal: reveal}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained is part of fyne.Focusable.
func (e *followEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.reveal != nil {
		e.reveal(e)
	}
}

// followSelect is a select that is scrolled into view when it takes the
// keyboard.
type followSelect struct {
	widget.Select
	reveal func(fyne.CanvasObject)
}

func newFollowSelect(options []string, changed func(string), reveal func(fyne.CanvasObject)) *followSelect {
	s := &followSelect{reveal: reveal}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained is part of fyne.Focusable.
func (s *followSelect) FocusGained() {
	s.Select.FocusGained()
	if s.reveal != nil {
		s.reveal(s)
	}
}

// followButton is a button that is scrolled into view when it takes the
// keyboard.
type followButton struct {
	widget.Button
	reveal func(fyne.CanvasObject)
}

func newFollowButton(label string, icon fyne.Resource, tapped func(), reveal func(fyne.CanvasObject)) *followButton {
	b := &followButton{reveal: reveal}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained is part of fyne.Focusable.
func (b *followButton) FocusGained() {
	b.Button.FocusGained()
	if b.reveal != nil {
		b.reveal(b)
	}
}

// scrollTo scrolls s, as little as it takes, to show o (an object inside
// it), with a padding's room around it.
func scrollTo(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y + s.Offset.Y
	bottom := top + o.Size().Height
	pad := theme.Padding() * 2
	y := s.Offset.Y
	switch {
	case top-pad < y:
		y = top - pad
	case bottom+pad > y+s.Size().Height:
		y = bottom + pad - s.Size().Height
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(y, 0)))
}
