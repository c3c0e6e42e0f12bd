// Where the documentation of the namespaces we link to lives.
baseURLs = [
    [ 'GLib', 'https://docs.gtk.org/glib/' ],
    [ 'GObject', 'https://docs.gtk.org/gobject/' ],
    [ 'Gio', 'https://docs.gtk.org/gio/' ],
    [ 'Gtk', 'https://docs.gtk.org/gtk4/' ],
    [ 'AtomrView', '../atomr-view-1/' ],
    [ 'AtomrViewGtk', '../atomr-view-gtk-1/' ],
    [ 'AtomrViewBroadway', '../atomr-view-broadway-1/' ],
]
