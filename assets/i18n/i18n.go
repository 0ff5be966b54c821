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
		"help.title":             "How to use the map",
		"help.body":              "Click a red marker, or pick an item in the timeline, to read what happened there.\n\nDrag to pan, scroll or use + and - to zoom, Home to see all of Mexico. Left and right arrows step through the story; Escape clears the selection.",
		"place.state":            "State",
		"place.precise":          "Location",
		"prec.town":              "the town itself",
		"prec.municipality":      "the municipality: the marker stands at its seat, not at the site",
		"prec.region":            "the region: the marker stands for a wider area",
		"prec.nearby":            "near the place named: the source gives no exact site",
		"victims":                "Victims",
		"source":                 "Source",
		"date.note":              "About the date",
		"timeline":               "Timeline: events and incidents",
		"undated":                "Undated in the report",
		"side.mx":                "MX",
		"side.us":                "US",
		"side.press":             "Press",
		"side.incident":          "Incident",
		"side.context":           "Context",
		"category":               "Category",
		"prev":                   "Previous",
		"next":                   "Next",
		"clear":                  "Clear",
		"legend.marker":          "Incident location",
		"legend.cluster":         "Several incidents",
		"legend.other":           "Other categories",
		"legend.mixed":           "Several categories, or none",
		"legend.state":           "State with incidents",
		"attribution.boundaries": "Boundaries: Natural Earth (public domain)",
		"attribution.story":      "Story based on %s",
		"attribution.sources":    "Sources: %s",
		"attribution.more":       "+%d more",
		"loading":                "Loading the map…",
		"zoom.in":                "Zoom in",
		"zoom.out":               "Zoom out",
		"zoom.reset":             "Show all of Mexico",
		"menu.file":              "File",
		"menu.view":              "View",
		"menu.help":              "Help",
		"menu.quit":              "Quit",
		"menu.language":          "Language",
		"menu.about":             "About Sovmap",
		"about.body":             "Sovmap maps the incidents and the timeline of a news story, with no network connection.\n\nStory: %s, summarised in our own words.\nBoundaries: Natural Earth 1:10m admin-0 and admin-1 (public domain), via github.com/sams96/rgeo.\nProjection: INEGI's Lambert conformal conic for Mexico (EPSG:6372).\nFonts: Go fonts (BSD licence). Built with Fyne and orb.",
		"incidents":              "%d incidents here",
		"menu.screenshot":        "Export screenshot…",
		"menu.exportmap":         "Export map…",
		"export.folder":          "Folder…",
		"export.file":            "File",
		"export.save":            "Save",
		"export.cancel":          "Cancel",
		"export.size":            "Size",
		"export.custom":          "Custom size",
		"export.format":          "Format",
		"export.title":           "Title",
		"export.caption":         "Caption",
		"export.show":            "Show",
		"export.legend":          "Legend",
		"export.scalebar":        "Scale bar",
		"export.north":           "North arrow",
		"export.attribution":     "Attribution",
		"export.badsize":         "The width and height must be whole numbers of pixels.",
		"export.replace.title":   "Replace the file?",
		"export.replace":         "%s already exists. Replace it?",
		"export.working":         "Exporting…",
		"export.done.title":      "Exported",
		"export.done":            "Saved to %s",
		"export.missing":         "Some characters have no font in Sovmap and show as boxes: %s",
		"export.dpi":             "dpi",
		"export.outlines":        "SVG text as outlines",
		"export.inset":           "Locator map when zoomed in",
		"export.baddpi":          "the resolution is a whole number of dots per inch, 1 to 2400",
		"menu.openstory":         "Open story…",
		"menu.exportstory":       "Export story…",
		"story.opening":          "Opening the story…",
		"cluster":                "%d places, %d incidents: click to zoom in",
		"filter.from":            "From",
		"filter.to":              "To",
		"filter.note":            "Undated items always show.",
		"filter.all":             "All",
		"filter.category":        "Category",
		"filter.actor":           "Actor",
		"filter.actor.hint":      "Name contains…",
		"filter.country":         "Country",
		"outside":                "Outside Mexico",
		"caption.range":          "Shown: %s to %s",
		"report.loaded":          "%s items loaded",
		"report.skipped":         "%s row skipped",
		"report.skipped.many":    "%s rows skipped",
		"report.merged":          "%s repeated row kept once",
		"report.merged.many":     "%s repeated rows kept once",
		"report.outside":         "%s of %s incidents are outside Mexico",
		"report.details":         "Details",
		"report.more":            "and %s more rows skipped",
		"report.close":           "Close",
	},
	"es": {
		"help.title":             "Cómo usar el mapa",
		"help.body":              "Haga clic en un marcador rojo, o elija un elemento de la cronología, para leer qué pasó ahí.\n\nArrastre para mover, use la rueda o + y - para acercar, Inicio para ver todo México. Las flechas izquierda y derecha recorren la historia; Escape borra la selección.",
		"place.state":            "Estado",
		"place.precise":          "Ubicación",
		"prec.town":              "la localidad misma",
		"prec.municipality":      "el municipio: el marcador está en la cabecera, no en el lugar de los hechos",
		"prec.region":            "la región: el marcador representa un área más amplia",
		"prec.nearby":            "cerca del lugar nombrado: la fuente no da el sitio exacto",
		"victims":                "Víctimas",
		"source":                 "Fuente",
		"date.note":              "Sobre la fecha",
		"timeline":               "Cronología: acontecimientos y hechos",
		"undated":                "Sin fecha en la nota",
		"side.mx":                "MX",
		"side.us":                "EE. UU.",
		"side.press":             "Prensa",
		"side.incident":          "Hecho",
		"side.context":           "Contexto",
		"category":               "Categoría",
		"prev":                   "Anterior",
		"next":                   "Siguiente",
		"clear":                  "Borrar",
		"legend.marker":          "Lugar de un hecho",
		"legend.cluster":         "Varios hechos",
		"legend.other":           "Otras categorías",
		"legend.mixed":           "Varias categorías, o ninguna",
		"legend.state":           "Estado con hechos",
		"attribution.boundaries": "Límites: Natural Earth (dominio público)",
		"attribution.story":      "Nota basada en %s",
		"attribution.sources":    "Fuentes: %s",
		"attribution.more":       "+%d más",
		"loading":                "Cargando el mapa…",
		"zoom.in":                "Acercar",
		"zoom.out":               "Alejar",
		"zoom.reset":             "Ver todo México",
		"menu.file":              "Archivo",
		"menu.view":              "Ver",
		"menu.help":              "Ayuda",
		"menu.quit":              "Salir",
		"menu.language":          "Idioma",
		"menu.about":             "Acerca de Sovmap",
		"about.body":             "Sovmap muestra en un mapa los hechos y la cronología de una noticia, sin conexión a la red.\n\nHistoria: %s, resumida con nuestras palabras.\nLímites: Natural Earth 1:10m admin-0 y admin-1 (dominio público), vía github.com/sams96/rgeo.\nProyección: cónica conforme de Lambert del INEGI para México (EPSG:6372).\nFuentes tipográficas: Go fonts (licencia BSD). Hecho con Fyne y orb.",
		"incidents":              "%d hechos aquí",
		"menu.screenshot":        "Exportar captura de pantalla…",
		"menu.exportmap":         "Exportar mapa…",
		"export.folder":          "Carpeta…",
		"export.file":            "Archivo",
		"export.save":            "Guardar",
		"export.cancel":          "Cancelar",
		"export.size":            "Tamaño",
		"export.custom":          "Tamaño a medida",
		"export.format":          "Formato",
		"export.title":           "Título",
		"export.caption":         "Pie de foto",
		"export.show":            "Mostrar",
		"export.legend":          "Leyenda",
		"export.scalebar":        "Barra de escala",
		"export.north":           "Flecha del norte",
		"export.attribution":     "Créditos",
		"export.badsize":         "El ancho y el alto deben ser números enteros de píxeles.",
		"export.replace.title":   "¿Reemplazar el archivo?",
		"export.replace":         "%s ya existe. ¿Reemplazarlo?",
		"export.working":         "Exportando…",
		"export.done.title":      "Exportado",
		"export.done":            "Guardado en %s",
		"export.missing":         "Algunos caracteres no tienen fuente en Sovmap y se ven como cuadros: %s",
		"export.dpi":             "ppp",
		"export.outlines":        "Texto del SVG como contornos",
		"export.inset":           "Mapa de ubicación al acercar",
		"export.baddpi":          "la resolución es un número entero de puntos por pulgada, de 1 a 2400",
		"menu.openstory":         "Abrir historia…",
		"menu.exportstory":       "Exportar historia…",
		"story.opening":          "Abriendo la historia…",
		"cluster":                "%d lugares, %d hechos: clic para acercar",
		"filter.from":            "Desde",
		"filter.to":              "Hasta",
		"filter.note":            "Los elementos sin fecha siempre se muestran.",
		"filter.all":             "Todos",
		"filter.category":        "Categoría",
		"filter.actor":           "Actor",
		"filter.actor.hint":      "El nombre contiene…",
		"filter.country":         "País",
		"outside":                "Fuera de México",
		"caption.range":          "Se muestra: del %s al %s",
		"report.loaded":          "%s elementos cargados",
		"report.skipped":         "%s fila omitida",
		"report.skipped.many":    "%s filas omitidas",
		"report.merged":          "%s fila repetida contada una vez",
		"report.merged.many":     "%s filas repetidas contadas una vez",
		"report.outside":         "%s de %s hechos están fuera de México",
		"report.details":         "Detalles",
		"report.more":            "y %s filas omitidas más",
		"report.close":           "Cerrar",
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
