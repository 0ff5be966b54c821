"""Times Mapnik drawing the same map as Sovmap's renderer, for the
comparison in BenchmarkMapnik: the same boundaries (one of Sovmap's map
levels, as GeoJSON), the same projection (EPSG:6372), the same view and
size, every polygon filled and its outline stroked, anti-aliased.

Usage: mapnik_bench.py LEVEL.geojson WIDTH HEIGHT MINX MINY MAXX MAXY FRAMES
Prints the median milliseconds of a frame."""
import statistics
import sys
import time

import mapnik

LCC = ("+proj=lcc +lat_1=17.5 +lat_2=29.5 +lat_0=12 +lon_0=-102 "
       "+x_0=2500000 +y_0=0 +ellps=GRS80 +units=m +no_defs")


def main():
    path = sys.argv[1]
    width, height = int(sys.argv[2]), int(sys.argv[3])
    box = mapnik.Box2d(*(float(v) for v in sys.argv[4:8]))
    frames = int(sys.argv[8])
    m = mapnik.Map(width, height, LCC)
    m.background = mapnik.Color("#c6dbea")
    style = mapnik.Style()
    rule = mapnik.Rule()
    fill = mapnik.PolygonSymbolizer()
    fill.fill = mapnik.Color("#f7f3e8")
    rule.symbols.append(fill)
    line = mapnik.LineSymbolizer()
    line.stroke = mapnik.Color("#8c8273")
    line.stroke_width = 0.8
    rule.symbols.append(line)
    style.rules.append(rule)
    m.append_style("land", style)
    layer = mapnik.Layer("land", "+proj=longlat +datum=WGS84 +no_defs")
    layer.datasource = mapnik.Datasource(type="geojson", file=path)
    layer.styles.append("land")
    m.layers.append(layer)
    m.zoom_to_box(box)
    img = mapnik.Image(width, height)
    mapnik.render(m, img)  # warm: the datasource's index, the caches
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        mapnik.render(m, img)
        times.append((time.perf_counter() - start) * 1000)
    print("%.3f" % statistics.median(times))


if __name__ == "__main__":
    main()
