// Command sovmap is a desktop map of a news story: Mexico's states, the
// places of the story's incidents, and the timeline of the 2025 US–Mexico
// sovereignty dispute. It works with no network at all. `sovmap --help`
// lists the command-line flags.
package main

import (
	"os"
	"time"

	"sovmap/ui"
)

func main() {
	start := time.Now()
	os.Exit(ui.Main(os.Args[1:], start))
}
