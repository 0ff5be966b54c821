//go:build linux

package main

// Fyne reads the system's language in its package's initialisation, before
// main, and under LANG=C.UTF-8 (a container's, a CI machine's) it printed
// three lines of "Error parsing user locale C" on every run: it takes the
// C of C.UTF-8 for a language. A C locale's messages are untranslated,
// whatever its character set, so where LANG names one and neither LC_ALL
// nor LC_MESSAGES is set, the process starts again, before any Go code
// runs, with LC_MESSAGES=C: the character set (LC_CTYPE) stays the
// system's, and Fyne reads no language, as under LANG=C. (Go takes its
// environment from the process's start, so it is set for a new start;
// should that fail, the app runs on as it was.)

/*
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

__attribute__((constructor)) static void sovmapPlainMessages(int argc, char **argv, char **envp) {
	const char *all = getenv("LC_ALL"), *msg = getenv("LC_MESSAGES"), *lang = getenv("LANG");
	if ((all && *all) || (msg && *msg) || !lang || !argv) {
		return;
	}
	if (strncmp(lang, "C.", 2) == 0 || strncmp(lang, "POSIX.", 6) == 0) {
		setenv("LC_MESSAGES", "C", 1);
		execv("/proc/self/exe", argv);
	}
}
*/
import "C"
