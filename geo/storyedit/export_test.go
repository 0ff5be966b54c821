package storyedit

import "sovmap/geo/story"

// MakeAll is the frozen document made a story anew, sharing nothing with
// its base: what Make must agree with.
func MakeAll(f Frozen) *story.Story { return f.makeAll().story }
