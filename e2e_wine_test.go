//go:build e2e

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"sovmap/geo/pixeltest"
)

// wine64 is where Debian's wine64 package puts the Wine loader.
const wine64 = "/usr/lib/wine/wine64"

// TestE2EWindowsBuild runs the Windows build (make package-windows) under
// Wine with Xvfb: the command-line export must give the Linux export's
// pixels, and the window's screenshot (Win32 screen capture) the Linux
// screenshot's, both from the same one scene.
func TestE2EWindowsBuild(t *testing.T) {
	exe, err := filepath.Abs(filepath.Join("build", "Sovmap.exe"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(exe); err != nil {
		t.Fatalf("no Windows build at %s: run make package-windows first (make test does)", exe)
	}
	// The version resource fyne package builds in, as Explorer's
	// Properties shows it (UTF-16).
	bin, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if v := fyneAppVersion(t); !bytes.Contains(bin, utf16le("ProductVersion")) || !bytes.Contains(bin, utf16le(v+".")) {
		t.Errorf("the .exe has no version resource for %s", v)
	}
	linux, err := filepath.Abs(filepath.Join("build", "e2e", "sovmap"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "build", "-o", linux, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	display := startXvfb(t)
	prefix := wineFixture(t, display)
	dir := t.TempDir()
	env := func(home string) []string {
		return append(os.Environ(), "DISPLAY="+display, "HOME="+home, "WINEPREFIX="+prefix, "WINEDEBUG=-all",
			"LANG=en_US.UTF-8", "FYNE_THEME=light")
	}
	run := func(name string, args ...string) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Env = env(t.TempDir())
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", filepath.Base(name), args, err, out)
		}
	}

	// The export: no window, the same scene drawn by the same renderer.
	winPNG, linuxPNG := filepath.Join(dir, "windows.png"), filepath.Join(dir, "linux.png")
	run(wine64, exe, "--export", winPNG, "--size", "800x600", "--select", "huitzilac")
	run(linux, "--export", linuxPNG, "--size", "800x600", "--select", "huitzilac")
	wi, li := pixeltest.DecodePNG(t, winPNG), pixeltest.DecodePNG(t, linuxPNG)
	if wi.Bounds() != li.Bounds() {
		t.Fatalf("the Windows export is %v, the Linux one %v", wi.Bounds(), li.Bounds())
	}
	if n := pixeltest.Differ(wi, li, wi.Bounds()); n > 0 {
		t.Errorf("%d pixels differ between the Windows and the Linux export", n)
	}

	// The window, captured by each platform's own screen capture (Win32
	// BitBlt under Wine, XGetImage on Linux, proven equal to the screen
	// by TestE2EScreenshotMatchesTheScreen).
	winShot, linuxShot := filepath.Join(dir, "windows-window.png"), filepath.Join(dir, "linux-window.png")
	run(wine64, exe, "--screenshot", winShot, "--select", "teocaltiche")
	run(linux, "--screenshot", linuxShot, "--select", "teocaltiche")
	ws, ls := pixeltest.DecodePNG(t, winShot), pixeltest.DecodePNG(t, linuxShot)
	copyFile(t, winShot, filepath.Join("build", "e2e", "wine-window.png"))
	if ws.Bounds().Size() != ls.Bounds().Size() {
		t.Fatalf("the window under Wine is %v, on Linux %v", ws.Bounds().Size(), ls.Bounds().Size())
	}
	total := ws.Bounds().Dx() * ws.Bounds().Dy()
	if dark := countDark(ws); dark > total*9/10 {
		t.Errorf("the Windows screenshot is %d%% black", dark*100/total)
	}
	n := pixeltest.Differ(ws, ls, ws.Bounds())
	t.Logf("window under Wine vs on Linux: %d of %d pixels differ", n, total)
	if n > total/100 {
		t.Errorf("%d of %d pixels differ between the window under Wine and on Linux", n, total)
	}
}

// wineFixture makes a Wine prefix for the test, with the stand-in
// bcryptprimitives.dll (testdata/wine) that Debian 12's Wine lacks and Go's
// runtime needs, and returns its path.
func wineFixture(t *testing.T, display string) string {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "wine")
	boot := exec.Command(wine64, "wineboot", "--init")
	boot.Env = append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "DISPLAY="+display,
		"WINEDLLOVERRIDES=mscoree,mshtml=") // no Mono or Gecko installer prompts
	var out bytes.Buffer
	boot.Stdout, boot.Stderr = &out, &out
	if err := boot.Run(); err != nil {
		t.Fatalf("wineboot: %v\n%s", err, out.String())
	}
	dll := filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	cc := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", dll, filepath.Join("testdata", "wine", "bcryptprimitives.c"), "-lbcrypt")
	if o, err := cc.CombinedOutput(); err != nil {
		t.Fatalf("building the bcryptprimitives stand-in: %v\n%s", err, o)
	}
	return prefix
}

// utf16le is s as UTF-16, little-endian, as Windows resources hold text.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, b, 0o644)
	}
	if err != nil {
		t.Log(err)
	}
}
