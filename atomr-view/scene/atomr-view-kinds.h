/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib.h>

#include "atomr-view-version-macros.h"

/* The core vocabulary: kinds every backend supports and the props they take.
 * Any other kind name passes through to the backend; docs/scenes.md has the table. */

G_BEGIN_DECLS

/**
 * ATOMR_VIEW_KIND_CONTAINER:
 *
 * Lays its children out in a row or a column. Props: [const@PROP_ORIENTATION]
 * and [const@PROP_SPACING]. The original project's `Container`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_CONTAINER "container"

/**
 * ATOMR_VIEW_KIND_TEXT:
 *
 * A piece of text. Props: [const@PROP_TEXT], [const@PROP_COLOR],
 * [const@PROP_WRAP]. The original project's `Text`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_TEXT "text"

/**
 * ATOMR_VIEW_KIND_BUTTON:
 *
 * A push button; emits `clicked`. Props: [const@PROP_LABEL],
 * [const@PROP_ICON_NAME]. The original project's `Button` (its `text` is our
 * `label`).
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_BUTTON "button"

/**
 * ATOMR_VIEW_KIND_TEXT_INPUT:
 *
 * A one-line text entry; emits `changed` and `activate`. Props:
 * [const@PROP_TEXT], [const@PROP_PLACEHOLDER], [const@PROP_EDITABLE]. The
 * original project's `TextInput`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_TEXT_INPUT "text-input"

/**
 * ATOMR_VIEW_KIND_CHECK:
 *
 * A check box with a label; emits `toggled`. Props: [const@PROP_LABEL],
 * [const@PROP_ACTIVE].
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_CHECK "check"

/**
 * ATOMR_VIEW_KIND_SWITCH:
 *
 * An on/off switch; emits `toggled`. Props: [const@PROP_ACTIVE].
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_SWITCH "switch"

/**
 * ATOMR_VIEW_KIND_SLIDER:
 *
 * A slider over a range; emits `value-changed`. Props: [const@PROP_VALUE],
 * [const@PROP_MIN], [const@PROP_MAX], [const@PROP_STEP],
 * [const@PROP_ORIENTATION].
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_SLIDER "slider"

/**
 * ATOMR_VIEW_KIND_PROGRESS:
 *
 * A progress bar. Props: [const@PROP_FRACTION], [const@PROP_TEXT].
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_PROGRESS "progress"

/**
 * ATOMR_VIEW_KIND_SPINNER:
 *
 * A busy indicator. Props: [const@PROP_SPINNING].
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_SPINNER "spinner"

/**
 * ATOMR_VIEW_KIND_IMAGE:
 *
 * An icon or a picture. Props: [const@PROP_ICON_NAME], [const@PROP_FILE],
 * [const@PROP_PIXEL_SIZE]. The original project's `Image`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_IMAGE "image"

/**
 * ATOMR_VIEW_KIND_SEPARATOR:
 *
 * A line between widgets. Props: [const@PROP_ORIENTATION] (horizontal by
 * default).
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_SEPARATOR "separator"

/**
 * ATOMR_VIEW_KIND_SCROLL:
 *
 * Scrolls its one child.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_SCROLL "scroll"

/**
 * ATOMR_VIEW_KIND_LIST:
 *
 * A vertical list of rows, its children, which should be keyed. Backends may
 * recycle row widgets for long lists.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_LIST "list"

/**
 * ATOMR_VIEW_KIND_REGION:
 *
 * The mount point of a region actor's subtree; its key names the region and
 * its children are the region's nodes. Props: [const@PROP_PLACEHOLDER], shown
 * while the region has nothing to show.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_KIND_REGION "region"

/**
 * ATOMR_VIEW_PROP_VISIBLE:
 *
 * Whether the node is shown; `true` by default. Every core kind takes it. Its
 * value has type `b`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_VISIBLE "visible"

/**
 * ATOMR_VIEW_PROP_SENSITIVE:
 *
 * Whether the node reacts to input; `true` by default. Every core kind takes
 * it. Its value has type `b`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_SENSITIVE "sensitive"

/**
 * ATOMR_VIEW_PROP_TOOLTIP:
 *
 * A tooltip text. Every core kind takes it. Its value has type `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_TOOLTIP "tooltip"

/**
 * ATOMR_VIEW_PROP_CSS_CLASSES:
 *
 * Style classes to add. Every core kind takes it. Its value has type `as`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_CSS_CLASSES "css-classes"

/**
 * ATOMR_VIEW_PROP_HEXPAND:
 *
 * Whether the node takes extra horizontal space. Every core kind takes it. Its
 * value has type `b`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_HEXPAND "hexpand"

/**
 * ATOMR_VIEW_PROP_VEXPAND:
 *
 * Whether the node takes extra vertical space. Every core kind takes it. Its
 * value has type `b`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_VEXPAND "vexpand"

/**
 * ATOMR_VIEW_PROP_HALIGN:
 *
 * Horizontal alignment: `fill`, `start`, `end` or `center`. Every core kind
 * takes it. Its value has type `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_HALIGN "halign"

/**
 * ATOMR_VIEW_PROP_VALIGN:
 *
 * Vertical alignment: `fill`, `start`, `end` or `center`. Every core kind
 * takes it. Its value has type `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_VALIGN "valign"

/**
 * ATOMR_VIEW_PROP_MIN_SIZE:
 *
 * The smallest width and height, in pixels (a vector). Every core kind takes
 * it. Its value has type `(dd)`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_MIN_SIZE "min-size"

/**
 * ATOMR_VIEW_PROP_ORIENTATION:
 *
 * `vertical` or `horizontal`, for `container` (vertical by default), `slider`
 * and `separator` (horizontal by default). Its value has type `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_ORIENTATION "orientation"

/**
 * ATOMR_VIEW_PROP_SPACING:
 *
 * Pixels between the children of a `container`; 0 by default. Its value has
 * type `i`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_SPACING "spacing"

/**
 * ATOMR_VIEW_PROP_TEXT:
 *
 * The text of a `text`, a `text-input` or a `progress`. Its value has type
 * `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_TEXT "text"

/**
 * ATOMR_VIEW_PROP_COLOR:
 *
 * The colour of a `text`: red, green, blue and alpha, each from 0 to 1. Its
 * value has type `(dddd)`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_COLOR "color"

/**
 * ATOMR_VIEW_PROP_WRAP:
 *
 * Whether a `text` wraps at word boundaries; `false` by default. Its value has
 * type `b`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_WRAP "wrap"

/**
 * ATOMR_VIEW_PROP_LABEL:
 *
 * The label of a `button` or a `check`. Its value has type `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_LABEL "label"

/**
 * ATOMR_VIEW_PROP_ICON_NAME:
 *
 * A themed icon name, for a `button` or an `image`. Its value has type `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_ICON_NAME "icon-name"

/**
 * ATOMR_VIEW_PROP_PLACEHOLDER:
 *
 * Shown in an empty `text-input`, or in a `region` that has nothing to show.
 * Its value has type `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_PLACEHOLDER "placeholder"

/**
 * ATOMR_VIEW_PROP_EDITABLE:
 *
 * Whether the user may edit a `text-input`; `true` by default. Its value has
 * type `b`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_EDITABLE "editable"

/**
 * ATOMR_VIEW_PROP_ACTIVE:
 *
 * Whether a `check` or a `switch` is on. Its value has type `b`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_ACTIVE "active"

/**
 * ATOMR_VIEW_PROP_VALUE:
 *
 * The value of a `slider`. Its value has type `d`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_VALUE "value"

/**
 * ATOMR_VIEW_PROP_MIN:
 *
 * The lowest value of a `slider`; 0 by default. Its value has type `d`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_MIN "min"

/**
 * ATOMR_VIEW_PROP_MAX:
 *
 * The highest value of a `slider`; 100 by default. Its value has type `d`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_MAX "max"

/**
 * ATOMR_VIEW_PROP_STEP:
 *
 * The step of a `slider`; 1 by default. Its value has type `d`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_STEP "step"

/**
 * ATOMR_VIEW_PROP_FRACTION:
 *
 * How much of a `progress` is done, from 0 to 1. Its value has type `d`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_FRACTION "fraction"

/**
 * ATOMR_VIEW_PROP_SPINNING:
 *
 * Whether a `spinner` spins; `true` by default. Its value has type `b`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_SPINNING "spinning"

/**
 * ATOMR_VIEW_PROP_FILE:
 *
 * A file name or URI of a picture, for an `image`. Its value has type `s`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_FILE "file"

/**
 * ATOMR_VIEW_PROP_PIXEL_SIZE:
 *
 * The size of an `image`'s icon, in pixels. Its value has type `i`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PROP_PIXEL_SIZE "pixel-size"

ATOMR_VIEW_AVAILABLE_IN_ALL
const GVariantType *atomr_view_kind_get_prop_type (const char *kind,
                                                   const char *name);

G_END_DECLS
