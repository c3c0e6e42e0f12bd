# SPDX-License-Identifier: Apache-2.0
# The Python quick start of the original atomr-view README (seeds/000), verbatim below this header:
# the package page renders it without indentation, which Python accepts inside the brackets.
import atomr_view as view
ui = view.PyUiSystem()
ui.create_window("main", "My Federated App")
# Update the scene declaratively
root = view.SceneNode(
key=view.SceneKey(),
kind=view.NodeKind.Container(),
properties=view.PropertyMap({"layout": view.PropertyValue.String("vertical")}),
children=[
view.SceneNode(
key=view.SceneKey(),
kind=view.NodeKind.Text(),
properties=view.PropertyMap({"text": view.PropertyValue.String("Hello from Python!")}),
children=[]
)
]
)
ui.set_scene("main", view.SceneDescription(root))
