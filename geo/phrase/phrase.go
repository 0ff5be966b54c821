// Package phrase keeps the messages Sovmap's readers and writers give the
// user (an error, a note on how a file was read) as a format and its
// arguments, not as finished English. Where a message is shown, In puts
// it into the reader's language: each format is looked up in that
// language's words, and each argument that is itself a message is put
// into that language in turn. The packages that make messages never know
// the language, so the geography and the files stay free of the
// interface.
package phrase

import (
	"errors"
	"fmt"
	"strings"
)

// Text is a message: a fmt format in English and its arguments.
type Text struct {
	Format string
	Args   []any
}

// F makes a Text, as fmt.Sprintf would make its English.
func F(format string, args ...any) Text { return Text{Format: format, Args: args} }

// String is the message in English.
func (t Text) String() string {
	if t.Format == "" && len(t.Args) == 0 {
		return ""
	}
	return fmt.Sprintf(strings.ReplaceAll(t.Format, "%w", "%v"), t.Args...)
}

// IsZero reports whether t says nothing.
func (t Text) IsZero() bool { return t.Format == "" && len(t.Args) == 0 }

// Words gives a format's words in one language, or "" where the language
// has none (the English is then used).
type Words func(format string) string

// In is the message in the language of words (English where words is nil
// or has no entry for a format).
func (t Text) In(words Words) string {
	format := t.Format
	if words != nil {
		if f := words(format); f != "" {
			format = f
		}
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = inArg(a, words)
	}
	return fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), args...)
}

// inArg puts an argument that is a message into the language of words;
// any other argument is left as it is.
func inArg(a any, words Words) any {
	switch v := a.(type) {
	case Text:
		return v.In(words)
	case error:
		return In(v, words)
	}
	return a
}

// Error is an error whose message is a Text. Errors given among its
// arguments with %w are wrapped, as fmt.Errorf wraps them.
type Error struct {
	Text
	en error // fmt.Errorf's error, for its English and what it wraps
}

// Errorf makes an Error, as fmt.Errorf would.
func Errorf(format string, args ...any) error {
	return &Error{Text: F(format, args...), en: fmt.Errorf(format, args...)}
}

// New makes an Error with no arguments, as errors.New would.
func New(text string) error { return &Error{Text: F(text), en: errors.New(text)} }

// Error is the message in English.
func (e *Error) Error() string { return e.en.Error() }

// Unwrap gives the errors e wraps (its %w arguments).
func (e *Error) Unwrap() []error {
	switch u := e.en.(type) {
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	case interface{ Unwrap() error }:
		if w := u.Unwrap(); w != nil {
			return []error{w}
		}
	}
	return nil
}

// In is err's message in the language of words. An error that is not an
// Error keeps its own words (an operating system's message, say).
func In(err error, words Words) string {
	if err == nil {
		return ""
	}
	var e *Error
	if p, ok := err.(*Error); ok {
		e = p
	}
	if e == nil {
		return err.Error()
	}
	return e.Text.In(words)
}
