package atomicfile

// NamedOnly makes the writes of a test use named temporary files, as on
// systems without unnamed ones, until the returned function is called.
func NamedOnly() (restore func()) {
	namedOnly = true
	return func() { namedOnly = false }
}
