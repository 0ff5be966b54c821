// Package i18n holds Sovmap's interface text in English and Spanish: the
// words of the window and of every export (legend, caption, attribution).
// Fyne's lang package picks one language at start and cannot switch while
// the app runs, which the View menu needs; and the command-line export,
// which runs without Fyne, needs the same words. So the app keeps this
// small table.
package i18n

// Languages the interface speaks. Place and state names stay in Spanish.
var Languages = []string{"en", "es"}

// Known reports whether lang is one of Languages.
func Known(lang string) bool {
	_, ok := messages[lang]
	return ok
}

// messages holds the interface's words, by language and key.
var messages = map[string]map[string]string{
	"en": {
		"cli.usage": `Sovmap: a map of Mexico for reading a news story, with no network.

Usage:
  sovmap [FILE | --story FILE]   open the window (with a story file: GeoJSON,
                                 ACLED's or UCDP's CSV, any CSV with
                                 coordinates, KML, KMZ or GPX)
  sovmap --export FILE [--size WxH] [--dpi N] [--outlines] [--no-inset]
         [--select PLACE] [--from DATE] [--to DATE] [--lang en|es]
         [--title TEXT] [--play]
                                 write the map to FILE (.png or .svg), an
                                 interactive page (.html), or the story told
                                 as a video (.gif; .mp4 or .webm with ffmpeg;
                                 a folder/ of PNG frames; --play for the time
                                 play), and exit; needs no display
  sovmap --screenshot FILE [--select PLACE] [--lang en|es]
                                 open the window, save a screenshot of it as
                                 FILE (.png) once it is drawn, and exit
  sovmap --find NAME [--limit N] print Mexico's places of that name (states,
                                 municipalities, localities, from INEGI) as
                                 tab-separated lines, best first
  sovmap --where LAT,LON         print the state and municipality (INEGI's keys
  sovmap --where - < FILE        and names) a point lies in, or off whose
                                 coast, or that it is outside Mexico, as
                                 tab-separated lines; with -, one point a line
                                 of standard input

The filters (--from, --to, --category, --actor, --country) go with every
form, as the filters under the timeline do. Reading a story file keeps every
row it can use and says on one line what it skipped; --strict makes any
skipped row an error.

The columns of --find and --where are the same in every language, for
scripts.

Flags:
`,
		"help.title":                "How to use the map",
		"help.body":                 "Click a marker (a pin, or a ring in a shaded municipality), or pick an item in the timeline, to read what happened there.\n\nDrag to pan, scroll or use + and - to zoom, Home to see all of Mexico. Left and right arrows step through the story; Escape clears the selection.",
		"place.state":               "State",
		"place.municipality":        "Municipality",
		"place.offshore":            "Off the coast of %s",
		"search.placeholder":        "Find a place (Ctrl+F)",
		"search.loading":            "Loading Mexico's places…",
		"search.none":               "No place of that name",
		"search.state":              "state",
		"search.municipality":       "municipality, %s",
		"menu.find":                 "Find a place…",
		"place.precise":             "Location",
		"prec.town":                 "the town itself",
		"prec.municipality":         "the municipality: shaded on the map; the source gives no closer site",
		"prec.region":               "the state or a wider region: the source gives no closer place",
		"prec.unstated":             "not stated: the file does not say how precise its places are",
		"prec.nearby":               "near the place named: the source gives no exact site (the halo on the map)",
		"victims":                   "Victims",
		"source":                    "Source",
		"date.note":                 "About the date",
		"date.known":                "When",
		"known.approximate":         "about that day: any day from %s to %s",
		"known.week":                "only the week: %s to %s",
		"known.month":               "only the month",
		"known.year":                "only the year",
		"known.range":               "some day from %s to %s",
		"known.undated":             "the source gives no date",
		"timeline":                  "Timeline: events and incidents",
		"undated":                   "Undated: the source gives no date",
		"axis.before":               "‹ %d earlier dates",
		"axis.before.one":           "‹ %d earlier date",
		"axis.after":                "%d later dates ›",
		"axis.after.one":            "%d later date ›",
		"axis.lane.mx":              "Mexico",
		"axis.lane.us":              "US",
		"axis.lane.press":           "Press",
		"axis.lane.context":         "Context",
		"axis.lane.incidents":       "Incidents",
		"side.mx":                   "MX",
		"side.us":                   "US",
		"side.press":                "Press",
		"side.incident":             "Incident",
		"side.context":              "Context",
		"category":                  "Category",
		"prev":                      "Previous",
		"next":                      "Next",
		"clear":                     "Clear",
		"legend.marker":             "Incident location",
		"legend.cluster":            "Several incidents",
		"legend.other":              "Other categories",
		"legend.mixed":              "Several categories, or none",
		"legend.state":              "State with incidents",
		"legend.area":               "Ring and shading: known only to the municipality or state",
		"legend.near":               "Halo: near the place, not at it",
		"legend.unplaced":           "%s incidents have no place on the map",
		"legend.unplaced.one":       "%s incident has no place on the map",
		"attribution.boundaries":    "Boundaries: INEGI, Marco Geoestadístico 2025 (simplified); other countries: Natural Earth",
		"boundaries.caution":        "INEGI's boundaries are statistical: they follow the political boundaries as far as possible, but are not a legal ruling on them.",
		"attribution.story":         "Story based on %s",
		"attribution.sources":       "Sources: %s",
		"attribution.more":          "+%d more",
		"loading":                   "Loading the map…",
		"zoom.in":                   "Zoom in",
		"zoom.out":                  "Zoom out",
		"zoom.reset":                "Show all of Mexico",
		"menu.file":                 "File",
		"menu.view":                 "View",
		"menu.help":                 "Help",
		"menu.quit":                 "Quit",
		"menu.language":             "Language",
		"menu.about":                "About Sovmap",
		"about.body":                "Sovmap maps the incidents and the timeline of a news story, with no network connection.\n\nStory: %s, summarised in our own words.\nMexico's states, municipalities and localities: INEGI, Marco Geoestadístico 2025 (simplified), under INEGI's Términos de Libre Uso; Mulegé rebuilt from Baja California Sur's outline (Mapas de México en GeoJSON). INEGI's boundaries are statistical: they follow the political boundaries as far as possible, but are not a legal ruling on them.\nOther countries: Natural Earth 1:10m (public domain), via github.com/sams96/rgeo.\nProjection: INEGI's Lambert conformal conic for Mexico (EPSG:6372).\nFonts: Go fonts (BSD licence). Built with Fyne and orb.",
		"incidents":                 "%d incidents here",
		"menu.screenshot":           "Export screenshot…",
		"menu.exportmap":            "Export map…",
		"export.folder":             "Folder…",
		"export.file":               "File",
		"export.save":               "Save",
		"export.cancel":             "Cancel",
		"export.size":               "Size",
		"export.custom":             "Custom size",
		"export.format":             "Format",
		"export.title":              "Title",
		"export.caption":            "Caption",
		"export.show":               "Show",
		"export.legend":             "Legend",
		"export.scalebar":           "Scale bar",
		"export.north":              "North arrow",
		"export.attribution":        "Attribution",
		"export.badsize":            "The width and height must be whole numbers of pixels.",
		"export.replace.title":      "Replace the file?",
		"export.replace":            "%s already exists. Replace it?",
		"export.working":            "Exporting…",
		"export.done.title":         "Exported",
		"export.done":               "Saved to %s",
		"export.missing":            "Some characters have no font in Sovmap and show as boxes: %s",
		"export.dpi":                "dpi",
		"export.outlines":           "SVG text as outlines",
		"export.inset":              "Locator map when zoomed in",
		"page.hint":                 "Click a marker, or an item of the timeline, to read what happened there.",
		"opening.dates":             "From %s to %s",
		"tip.count":                 "%d incidents",
		"opening.empty":             "The story has no items yet. Add one with Edit › Add item (Ctrl+I), or right-click the map where it happened.",
		"opening.none":              "No story is open. Open one with File › Open story… (GeoJSON, CSV, KML or GPX), or drop a file on the window.",
		"count.places":              "%s place",
		"count.places.many":         "%s places",
		"count.incidents":           "%s incident",
		"count.incidents.many":      "%s incidents",
		"count.events":              "%s other event",
		"count.events.many":         "%s other events",
		"opening.sources":           "Sources",
		"opening.start":             "Start the story",
		"check.title":               "give the item a title, in English or Spanish",
		"check.long":                "this text is %d characters long; the most is %d",
		"check.range":               "the range ends before it starts",
		"check.eventplace":          "a timeline event has no place: make it an incident to put it on the map",
		"check.placename":           "name the place",
		"check.lonlat":              "the coordinates are no position on Earth (longitude -180 to 180, latitude -90 to 90)",
		"check.source":              "name the source: every item says where it comes from",
		"check.url":                 "%q is not a web address (https://…)",
		"story.step":                "Step %s of %s",
		"text.in.en":                "in English",
		"text.in.es":                "in Spanish",
		"text.in.other":             "in another language",
		"story.back":                "Back",
		"story.next":                "Next",
		"story.exit":                "Leave the story",
		"story.end":                 "End of the story",
		"story.again":               "Start again",
		"page.map":                  "Map of the story's places",
		"page.details":              "What happened",
		"menu.exportpage":           "Export interactive page…",
		"menu.exportvideo":          "Export video…",
		"video.what":                "Video of",
		"video.narrative":           "the story, step by step",
		"video.play":                "the time play",
		"export.baddpi":             "the resolution is a whole number of dots per inch, 1 to 2400",
		"menu.openstory":            "Open story…",
		"menu.exportstory":          "Export story…",
		"story.opening":             "Opening the story…",
		"cluster":                   "%d places, %d incidents: click to zoom in",
		"cluster.area":              "%d places, %d incidents, known only to this area: click to show the first",
		"filter.note":               "%d undated items always show: their source gives them no date.",
		"filter.note.one":           "%d undated item always shows: its source gives it no date.",
		"filter.range":              "From %s to %s",
		"filter.alldates":           "All dates: drag across the strip to choose a range",
		"filter.all":                "All",
		"filter.category":           "Category",
		"filter.actor":              "Actor",
		"filter.actor.hint":         "Name contains…",
		"filter.country":            "Country",
		"outside":                   "Outside Mexico",
		"caption.range":             "Shown: %s to %s",
		"caption.category":          "Category: %s",
		"caption.actor":             "Actor: %s",
		"caption.country":           "Country: %s",
		"report.loaded":             "%s item loaded",
		"report.loaded.many":        "%s items loaded",
		"report.skipped":            "%s row skipped",
		"report.skipped.many":       "%s rows skipped",
		"report.merged":             "%s repeated row kept once",
		"report.merged.many":        "%s repeated rows kept once",
		"report.outside":            "%s of %s incidents are outside Mexico",
		"report.details":            "Details",
		"report.more":               "and %s more rows skipped",
		"report.close":              "Close",
		"menu.new":                  "New story",
		"menu.save":                 "Save",
		"menu.saveas":               "Save as…",
		"menu.recent":               "Open recent",
		"menu.recent.none":          "No stories yet",
		"menu.edit":                 "Edit",
		"menu.undo":                 "Undo",
		"menu.redo":                 "Redo",
		"menu.additem":              "Add item…",
		"menu.edititem":             "Edit item…",
		"menu.deleteitem":           "Delete item",
		"menu.earlier":              "Tell earlier in the story",
		"menu.later":                "Tell later in the story",
		"menu.bydate":               "Tell the story by date",
		"menu.storydetails":         "Story title and credit…",
		"edit.storydialog":          "Story title and credit",
		"edit.save":                 "Save",
		"edit.discard":              "Don't save",
		"edit.unsaved.title":        "Unsaved changes",
		"edit.unsaved":              "“%s” has changes that are not saved. Save them first?",
		"edit.untitled":             "Untitled story",
		"edit.notover":              "%s is the file this story was opened from; Sovmap saves its own story format and never changes the file opened: choose another name",
		"edit.restore.title":        "Restore unsaved work?",
		"edit.restore":              "Sovmap closed before “%s” was saved (last copied %s). Restore it?",
		"edit.restore.yes":          "Restore",
		"edit.restore.no":           "Discard it",
		"edit.apply":                "Apply",
		"edit.storytitle":           "Title",
		"edit.standfirst":           "Standfirst",
		"edit.credit":               "Credit",
		"edit.new":                  "New item",
		"edit.editing":              "Edit item",
		"edit.kind":                 "Kind",
		"edit.kind.incident":        "Incident (on the map)",
		"edit.kind.event":           "Timeline event",
		"edit.side":                 "Side",
		"edit.side.mx":              "Mexico",
		"edit.side.us":              "United States",
		"edit.side.press":           "Press",
		"edit.side.context":         "Context",
		"edit.title":                "Title",
		"edit.summary":              "Summary",
		"edit.date":                 "Date known to",
		"edit.dates":                "Date (YYYY-MM-DD; a range: start and end)",
		"edit.dateprec.day":         "the day",
		"edit.dateprec.approximate": "about the day (± 7 days)",
		"edit.dateprec.week":        "the week",
		"edit.dateprec.month":       "the month (YYYY-MM)",
		"edit.dateprec.year":        "the year (YYYY)",
		"edit.dateprec.range":       "between two days",
		"edit.dateprec.undated":     "undated",
		"edit.place":                "Place",
		"edit.place.find":           "Find a place, or type lat, lon",
		"edit.place.pick":           "Pick on the map",
		"edit.place.none":           "No place",
		"edit.place.nowhere":        "No place: on the timeline only",
		"edit.place.picking":        "Click the map where it happened…",
		"edit.place.outside":        "Outside Mexico (allowed)",
		"edit.locprec.town":         "the exact place",
		"edit.locprec.nearby":       "near the place",
		"edit.locprec.municipality": "the municipality only",
		"edit.locprec.region":       "the state only",
		"edit.locprec.unstated":     "not stated",
		"edit.locnote":              "About the place",
		"edit.category":             "Category",
		"edit.actor":                "Actors",
		"edit.sourceurl":            "Source's address",
		"edit.moresources":          "and %d more sources, kept as they are",
		"edit.addhere":              "Add an item here…",
		"edit.err.day":              "not a real day: write it as YYYY-MM-DD",
		"edit.err.month":            "not a month: write it as YYYY-MM",
		"edit.err.year":             "not a year: write it as YYYY",
		"edit.err.range":            "write the first and the last day as YYYY-MM-DD",
		"edit.err.rangeorder":       "the range ends before it starts",
	},
	"es": {
		"cli.usage": `Sovmap: un mapa de México para leer una noticia, sin conexión a la red.

Uso:
  sovmap [ARCHIVO | --story ARCHIVO]
                                 abrir la ventana (con un archivo de historia:
                                 GeoJSON, CSV de ACLED o de UCDP, cualquier
                                 CSV con coordenadas, KML, KMZ o GPX)
  sovmap --export ARCHIVO [--size ANCHOxALTO] [--dpi N] [--outlines]
         [--no-inset] [--select LUGAR] [--from FECHA] [--to FECHA]
         [--lang en|es] [--title TEXTO] [--play]
                                 escribir el mapa en ARCHIVO (.png o .svg), una
                                 página interactiva (.html) o la historia
                                 contada como video (.gif; .mp4 o .webm con
                                 ffmpeg; una carpeta/ de fotogramas PNG;
                                 --play para la reproducción en el tiempo), y
                                 salir; no necesita pantalla
  sovmap --screenshot ARCHIVO [--select LUGAR] [--lang en|es]
                                 abrir la ventana, guardar una captura de ella
                                 como ARCHIVO (.png) cuando esté dibujada, y
                                 salir
  sovmap --find NOMBRE [--limit N]
                                 mostrar los lugares de México con ese nombre
                                 (estados, municipios, localidades, del INEGI)
                                 en líneas separadas por tabuladores, los
                                 mejores primero
  sovmap --where LAT,LON         mostrar el estado y el municipio (claves y
  sovmap --where - < ARCHIVO     nombres del INEGI) en que cae un punto, o
                                 frente a cuya costa está, o que está fuera de
                                 México, en líneas separadas por tabuladores;
                                 con -, un punto por línea de la entrada
                                 estándar

Los filtros (--from, --to, --category, --actor, --country) van con todas las
formas, como los filtros bajo la cronología. Al leer un archivo de historia
se conserva cada fila que se puede usar y se dice en una línea lo que se
omitió; --strict convierte en error cualquier fila omitida.

Las columnas de --find y --where son las mismas en todos los idiomas, para
los scripts.

Opciones:
`,
		"help.title":                "Cómo usar el mapa",
		"help.body":                 "Haga clic en un marcador (un punto, o un anillo en un municipio sombreado), o elija un elemento de la cronología, para leer qué pasó ahí.\n\nArrastre para mover, use la rueda o + y - para acercar, Inicio para ver todo México. Las flechas izquierda y derecha recorren la historia; Escape borra la selección.",
		"place.state":               "Estado",
		"place.municipality":        "Municipio",
		"place.offshore":            "Frente a la costa de %s",
		"search.placeholder":        "Buscar un lugar (Ctrl+F)",
		"search.loading":            "Cargando los lugares de México…",
		"search.none":               "Ningún lugar con ese nombre",
		"search.state":              "estado",
		"search.municipality":       "municipio, %s",
		"menu.find":                 "Buscar un lugar…",
		"place.precise":             "Ubicación",
		"prec.town":                 "la localidad misma",
		"prec.municipality":         "el municipio: sombreado en el mapa; la fuente no da un sitio más preciso",
		"prec.region":               "el estado o una región más amplia: la fuente no da un lugar más preciso",
		"prec.unstated":             "no consta: el archivo no dice cuán precisos son sus lugares",
		"prec.nearby":               "cerca del lugar nombrado: la fuente no da el sitio exacto (el halo en el mapa)",
		"victims":                   "Víctimas",
		"source":                    "Fuente",
		"date.note":                 "Sobre la fecha",
		"date.known":                "Cuándo",
		"known.approximate":         "hacia ese día: cualquier día del %s al %s",
		"known.week":                "solo la semana: del %s al %s",
		"known.month":               "solo el mes",
		"known.year":                "solo el año",
		"known.range":               "algún día del %s al %s",
		"known.undated":             "la fuente no da fecha",
		"timeline":                  "Cronología: acontecimientos y hechos",
		"undated":                   "Sin fecha: la fuente no la da",
		"axis.before":               "‹ %d fechas anteriores",
		"axis.before.one":           "‹ %d fecha anterior",
		"axis.after":                "%d fechas posteriores ›",
		"axis.after.one":            "%d fecha posterior ›",
		"axis.lane.mx":              "México",
		"axis.lane.us":              "EE. UU.",
		"axis.lane.press":           "Prensa",
		"axis.lane.context":         "Contexto",
		"axis.lane.incidents":       "Hechos",
		"side.mx":                   "MX",
		"side.us":                   "EE. UU.",
		"side.press":                "Prensa",
		"side.incident":             "Hecho",
		"side.context":              "Contexto",
		"category":                  "Categoría",
		"prev":                      "Anterior",
		"next":                      "Siguiente",
		"clear":                     "Quitar selección",
		"legend.marker":             "Lugar de un hecho",
		"legend.cluster":            "Varios hechos",
		"legend.other":              "Otras categorías",
		"legend.mixed":              "Varias categorías, o ninguna",
		"legend.state":              "Estado con hechos",
		"legend.area":               "Anillo y sombreado: solo se sabe el municipio o el estado",
		"legend.near":               "Halo: cerca del lugar, no en él",
		"legend.unplaced":           "%s hechos no tienen lugar en el mapa",
		"legend.unplaced.one":       "%s hecho no tiene lugar en el mapa",
		"attribution.boundaries":    "Límites: INEGI, Marco Geoestadístico 2025 (simplificado); otros países: Natural Earth",
		"boundaries.caution":        "Los límites del INEGI son geoestadísticos: siguen los límites políticos en lo posible, pero no son una resolución legal sobre ellos.",
		"attribution.story":         "Nota basada en %s",
		"attribution.sources":       "Fuentes: %s",
		"attribution.more":          "+%d más",
		"loading":                   "Cargando el mapa…",
		"zoom.in":                   "Acercar",
		"zoom.out":                  "Alejar",
		"zoom.reset":                "Ver todo México",
		"menu.file":                 "Archivo",
		"menu.view":                 "Ver",
		"menu.help":                 "Ayuda",
		"menu.quit":                 "Salir",
		"menu.language":             "Idioma",
		"menu.about":                "Acerca de Sovmap",
		"about.body":                "Sovmap muestra en un mapa los hechos y la cronología de una noticia, sin conexión a la red.\n\nHistoria: %s, resumida con nuestras palabras.\nEstados, municipios y localidades de México: INEGI, Marco Geoestadístico 2025 (simplificado), según los Términos de Libre Uso del INEGI; Mulegé reconstruido a partir del contorno de Baja California Sur (Mapas de México en GeoJSON). Los límites del INEGI son geoestadísticos: siguen los límites políticos en lo posible, pero no son una resolución legal sobre ellos.\nOtros países: Natural Earth 1:10m (dominio público), vía github.com/sams96/rgeo.\nProyección: cónica conforme de Lambert del INEGI para México (EPSG:6372).\nFuentes tipográficas: Go fonts (licencia BSD). Hecho con Fyne y orb.",
		"incidents":                 "%d hechos aquí",
		"menu.screenshot":           "Exportar captura de pantalla…",
		"menu.exportmap":            "Exportar mapa…",
		"export.folder":             "Carpeta…",
		"export.file":               "Archivo",
		"export.save":               "Guardar",
		"export.cancel":             "Cancelar",
		"export.size":               "Tamaño",
		"export.custom":             "Tamaño a medida",
		"export.format":             "Formato",
		"export.title":              "Título",
		"export.caption":            "Pie de foto",
		"export.show":               "Mostrar",
		"export.legend":             "Leyenda",
		"export.scalebar":           "Barra de escala",
		"export.north":              "Flecha del norte",
		"export.attribution":        "Créditos",
		"export.badsize":            "El ancho y el alto deben ser números enteros de píxeles.",
		"export.replace.title":      "¿Reemplazar el archivo?",
		"export.replace":            "%s ya existe. ¿Reemplazarlo?",
		"export.working":            "Exportando…",
		"export.done.title":         "Exportado",
		"export.done":               "Guardado en %s",
		"export.missing":            "Algunos caracteres no tienen fuente en Sovmap y se ven como cuadros: %s",
		"export.dpi":                "ppp",
		"export.outlines":           "Texto del SVG como contornos",
		"export.inset":              "Mapa de ubicación al acercar",
		"page.hint":                 "Haga clic en un marcador, o en un elemento de la cronología, para leer qué pasó ahí.",
		"opening.dates":             "Del %s al %s",
		"tip.count":                 "%d hechos",
		"opening.empty":             "La historia aún no tiene elementos. Añada uno con Editar › Añadir elemento (Ctrl+I) o haga clic derecho en el mapa donde ocurrió.",
		"opening.none":              "No hay ninguna historia abierta. Abra una con Archivo › Abrir historia… (GeoJSON, CSV, KML o GPX) o suelte un archivo en la ventana.",
		"count.places":              "%s lugar",
		"count.places.many":         "%s lugares",
		"count.incidents":           "%s hecho",
		"count.incidents.many":      "%s hechos",
		"count.events":              "%s acontecimiento más",
		"count.events.many":         "otros %s acontecimientos",
		"opening.sources":           "Fuentes",
		"opening.start":             "Comenzar la historia",
		"check.title":               "dé un título al elemento, en inglés o en español",
		"check.long":                "este texto tiene %d caracteres; el máximo es %d",
		"check.range":               "el intervalo termina antes de empezar",
		"check.eventplace":          "un acontecimiento de la cronología no tiene lugar: hágalo un hecho para ponerlo en el mapa",
		"check.placename":           "dé un nombre al lugar",
		"check.lonlat":              "las coordenadas no son una posición en la Tierra (longitud de -180 a 180, latitud de -90 a 90)",
		"check.source":              "indique la fuente: cada elemento dice de dónde viene",
		"check.url":                 "%q no es una dirección web (https://…)",
		"story.step":                "Paso %s de %s",
		"text.in.en":                "en inglés",
		"text.in.es":                "en español",
		"text.in.other":             "en otro idioma",
		"story.back":                "Atrás",
		"story.next":                "Siguiente",
		"story.exit":                "Salir de la historia",
		"story.end":                 "Fin de la historia",
		"story.again":               "Volver a empezar",
		"page.map":                  "Mapa de los lugares de la historia",
		"page.details":              "Qué pasó",
		"menu.exportpage":           "Exportar página interactiva…",
		"menu.exportvideo":          "Exportar video…",
		"video.what":                "Video de",
		"video.narrative":           "la historia, paso a paso",
		"video.play":                "el recorrido en el tiempo",
		"export.baddpi":             "la resolución es un número entero de puntos por pulgada, de 1 a 2400",
		"menu.openstory":            "Abrir historia…",
		"menu.exportstory":          "Exportar historia…",
		"story.opening":             "Abriendo la historia…",
		"cluster":                   "%d lugares, %d hechos: clic para acercar",
		"cluster.area":              "%d lugares, %d hechos, de los que solo se sabe esta zona: clic para ver el primero",
		"filter.note":               "%d elementos sin fecha se muestran siempre: su fuente no les da fecha.",
		"filter.note.one":           "%d elemento sin fecha se muestra siempre: su fuente no le da fecha.",
		"filter.range":              "Del %s al %s",
		"filter.alldates":           "Todas las fechas: arrastre sobre la franja para elegir un intervalo",
		"filter.all":                "Todos",
		"filter.category":           "Categoría",
		"filter.actor":              "Actor",
		"filter.actor.hint":         "El nombre contiene…",
		"filter.country":            "País",
		"outside":                   "Fuera de México",
		"caption.range":             "Se muestra: del %s al %s",
		"caption.category":          "Categoría: %s",
		"caption.actor":             "Actor: %s",
		"caption.country":           "País: %s",
		"report.loaded":             "%s elemento cargado",
		"report.loaded.many":        "%s elementos cargados",
		"report.skipped":            "%s fila omitida",
		"report.skipped.many":       "%s filas omitidas",
		"report.merged":             "%s fila repetida contada una vez",
		"report.merged.many":        "%s filas repetidas contadas una vez",
		"report.outside":            "%s de %s hechos están fuera de México",
		"report.details":            "Detalles",
		"report.more":               "y %s filas omitidas más",
		"report.close":              "Cerrar",
		"menu.new":                  "Nueva historia",
		"menu.save":                 "Guardar",
		"menu.saveas":               "Guardar como…",
		"menu.recent":               "Abrir reciente",
		"menu.recent.none":          "Aún no hay historias",
		"menu.edit":                 "Editar",
		"menu.undo":                 "Deshacer",
		"menu.redo":                 "Rehacer",
		"menu.additem":              "Añadir elemento…",
		"menu.edititem":             "Editar elemento…",
		"menu.deleteitem":           "Eliminar elemento",
		"menu.earlier":              "Contar antes en la historia",
		"menu.later":                "Contar después en la historia",
		"menu.bydate":               "Contar la historia por fecha",
		"menu.storydetails":         "Título y créditos de la historia…",
		"edit.storydialog":          "Título y créditos de la historia",
		"edit.save":                 "Guardar",
		"edit.discard":              "No guardar",
		"edit.unsaved.title":        "Cambios sin guardar",
		"edit.unsaved":              "«%s» tiene cambios sin guardar. ¿Guardarlos antes?",
		"edit.untitled":             "Historia sin título",
		"edit.notover":              "%s es el archivo del que se abrió esta historia; Sovmap guarda en su propio formato y nunca cambia el archivo abierto: elija otro nombre",
		"edit.restore.title":        "¿Recuperar el trabajo sin guardar?",
		"edit.restore":              "Sovmap se cerró antes de guardar «%s» (última copia: %s). ¿Recuperarlo?",
		"edit.restore.yes":          "Recuperar",
		"edit.restore.no":           "Descartarlo",
		"edit.apply":                "Aplicar",
		"edit.storytitle":           "Título",
		"edit.standfirst":           "Entradilla",
		"edit.credit":               "Créditos",
		"edit.new":                  "Nuevo elemento",
		"edit.editing":              "Editar elemento",
		"edit.kind":                 "Tipo",
		"edit.kind.incident":        "Hecho (en el mapa)",
		"edit.kind.event":           "Acontecimiento",
		"edit.side":                 "Parte",
		"edit.side.mx":              "México",
		"edit.side.us":              "Estados Unidos",
		"edit.side.press":           "Prensa",
		"edit.side.context":         "Contexto",
		"edit.title":                "Título",
		"edit.summary":              "Resumen",
		"edit.date":                 "Fecha conocida hasta",
		"edit.dates":                "Fecha (AAAA-MM-DD; un intervalo: inicio y fin)",
		"edit.dateprec.day":         "el día",
		"edit.dateprec.approximate": "el día aproximado (± 7 días)",
		"edit.dateprec.week":        "la semana",
		"edit.dateprec.month":       "el mes (AAAA-MM)",
		"edit.dateprec.year":        "el año (AAAA)",
		"edit.dateprec.range":       "entre dos días",
		"edit.dateprec.undated":     "sin fecha",
		"edit.place":                "Lugar",
		"edit.place.find":           "Busque un lugar o escriba lat, lon",
		"edit.place.pick":           "Elegir en el mapa",
		"edit.place.none":           "Sin lugar",
		"edit.place.nowhere":        "Sin lugar: solo en la cronología",
		"edit.place.picking":        "Haga clic en el mapa donde ocurrió…",
		"edit.place.outside":        "Fuera de México (se permite)",
		"edit.locprec.town":         "el lugar exacto",
		"edit.locprec.nearby":       "cerca del lugar",
		"edit.locprec.municipality": "solo el municipio",
		"edit.locprec.region":       "solo el estado",
		"edit.locprec.unstated":     "no consta",
		"edit.locnote":              "Sobre el lugar",
		"edit.category":             "Categoría",
		"edit.actor":                "Actores",
		"edit.sourceurl":            "Dirección de la fuente",
		"edit.moresources":          "y otras %d fuentes, sin cambios",
		"edit.addhere":              "Añadir un elemento aquí…",
		"edit.err.day":              "no es un día real: escríbalo como AAAA-MM-DD",
		"edit.err.month":            "no es un mes: escríbalo como AAAA-MM",
		"edit.err.year":             "no es un año: escríbalo como AAAA",
		"edit.err.range":            "escriba el primer y el último día como AAAA-MM-DD",
		"edit.err.rangeorder":       "el intervalo termina antes de empezar",
	},
}

// T is the interface text for key in lang, falling back to English.
func T(lang, key string) string {
	if s, ok := messages[lang][key]; ok {
		return s
	}
	return messages["en"][key]
}

// Has reports whether lang has its own text for key.
func Has(lang, key string) bool {
	_, ok := messages[lang][key]
	return ok
}

// Names is how each language names itself, for the language menu.
var Names = map[string]string{"en": "English", "es": "Español"}

// Each calls f with every text of every language.
func Each(f func(lang, key, text string)) {
	for lang, texts := range messages {
		for key, text := range texts {
			f(lang, key, text)
		}
	}
}
