package i18n

// FyneWords are the words of Fyne's own widgets and dialogs (the file
// dialogs' Open, Save, Cancel and New Folder, a question's Yes and No), by
// language, keyed by Fyne's message ids: the window puts them in its own
// language, whatever the system's (see ui's fyneLanguage). A value is a
// string, or for Fyne's plural messages a map of plural forms.
var FyneWords = map[string]map[string]any{
	"en": {
		"(Parent)": "(Parent)", "Advanced": "Advanced", "Cancel": "Cancel", "Confirm": "Confirm",
		"Copy": "Copy", "Create Folder": "Create Folder", "Cut": "Cut", "Enter filename": "Enter filename",
		"Error": "Error", "Favourites": "Favourites", "File": "File", "Folder": "Folder",
		"New Folder": "New Folder", "No": "No", "OK": "OK", "Open": "Open", "Paste": "Paste",
		"Quit": "Quit", "Redo": "Redo", "Save": "Save", "Select all": "Select all",
		"Show Hidden Files": "Show Hidden Files", "Undo": "Undo", "Yes": "Yes",
		"file.name":   map[string]string{"other": "Name"},
		"file.parent": map[string]string{"other": "Parent"},
	},
	"es": {
		"(Parent)": "(Carpeta superior)", "Advanced": "Avanzado", "Cancel": "Cancelar", "Confirm": "Confirmar",
		"Copy": "Copiar", "Create Folder": "Crear carpeta", "Cut": "Cortar", "Enter filename": "Nombre del archivo",
		"Error": "Error", "Favourites": "Favoritos", "File": "archivo", "Folder": "carpeta",
		"New Folder": "Nueva carpeta", "No": "No", "OK": "Aceptar", "Open": "Abrir", "Paste": "Pegar",
		"Quit": "Salir", "Redo": "Rehacer", "Save": "Guardar", "Select all": "Seleccionar todo",
		"Show Hidden Files": "Mostrar archivos ocultos", "Undo": "Deshacer", "Yes": "Sí",
		"file.name":   map[string]string{"other": "Nombre"},
		"file.parent": map[string]string{"other": "Carpeta superior"},
	},
}
