/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor-error.h"
#include "atomr-view-actor-ref.h"
#include "atomr-view-actor-system.h"
#include "atomr-view-context.h"
#include "atomr-view-init-private.h"
#include "atomr-view-kinds.h"
#include "atomr-view-node-builder.h"
#include "atomr-view-ui-bridge.h"
#include "atomr-view-ui-error.h"
#include "atomr-view-ui-protocol-private.h"
#include "atomr-view-window-actor.h"

/**
 * AtomrViewWindowActor:
 *
 * An actor that owns one window, its scene and its regions.
 *
 * A window actor opens its window when it starts and closes it when it
 * stops. It describes what the window shows as a tree of
 * [struct@AtomrView.Node]s, either by implementing
 * [vfunc@AtomrView.WindowActor.render] and calling
 * [method@AtomrView.WindowActor.invalidate] when its state changes, or by
 * calling [method@AtomrView.WindowActor.set_root]. Each new tree goes to the
 * [class@AtomrView.UiBridge], which shows the newest one.
 *
 * Events of the window arrive in [vfunc@AtomrView.WindowActor.handle_event]:
 * a click, a text change, a toggle, the user closing the window. Closing is an
 * event like the others: the default handler stops the actor, which closes
 * the window; override it to ask first.
 *
 * A `region` node of the tree can be given to a [class@AtomrView.RegionActor]
 * with [method@AtomrView.WindowActor.spawn_region]: the region's subtree is
 * shown inside that node, and events inside it go to the region. A region
 * that dies leaves a visible placeholder; the window keeps working.
 *
 * Messages whose first element is a string starting with `atomr-view:` are
 * reserved.
 *
 * Thread safety: its own dispatcher thread.
 *
 * Since: 0.1
 */

typedef struct
{
  AtomrViewActorRef *actor;
  AtomrViewNode     *subtree;   /* the newest the region sent, or NULL */
  gboolean           dead;
} Region;

typedef struct
{
  char              *window_id;
  char              *title;
  AtomrViewUiBridge *bridge;
  AtomrViewContext  *context;     /* while a handler of ours runs */
  AtomrViewActorRef *self_ref;
  AtomrViewNode     *root;
  GHashTable        *regions;     /* key -> Region */
  gboolean           render_scheduled;
  gboolean           restarting;
  gboolean           wants_frames;
} AtomrViewWindowActorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AtomrViewWindowActor, atomr_view_window_actor, ATOMR_VIEW_TYPE_ACTOR)

enum {
  PROP_0,
  PROP_WINDOW_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
region_free (Region *region)
{
  g_clear_object (&region->actor);
  g_clear_pointer (&region->subtree, atomr_view_node_unref);
  g_free (region);
}

static AtomrViewNode *
make_placeholder (void)
{
  g_autoptr(AtomrViewNodeBuilder) box = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) text = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNode) label = NULL;
  const char *classes[] = { "atomr-region-placeholder", "dim-label", NULL };

  atomr_view_node_builder_set_string (text, ATOMR_VIEW_PROP_TEXT, _("This part of the window stopped working."));
  label = atomr_view_node_builder_end (text, NULL);
  atomr_view_node_builder_set_prop (box, ATOMR_VIEW_PROP_CSS_CLASSES, g_variant_new_strv (classes, -1));
  atomr_view_node_builder_add_child (box, label);
  return atomr_view_node_builder_end (box, NULL);
}

/* The window's tree with each region node holding its region's subtree.
 * Subtrees without a region below them are shared, not copied. */
static AtomrViewNode *
compose (AtomrViewWindowActorPrivate *priv,
         AtomrViewNode               *node,
         gboolean                    *changed)
{
  const char *key = atomr_view_node_get_key (node);
  guint n = atomr_view_node_get_n_children (node);
  g_autoptr(GPtrArray) children = NULL;
  Region *region = NULL;
  gboolean any = FALSE;

  if (key != NULL && g_str_equal (atomr_view_node_get_kind (node), ATOMR_VIEW_KIND_REGION))
    region = g_hash_table_lookup (priv->regions, key);

  if (region != NULL && (region->dead || region->subtree != NULL))
    {
      g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new_from_node (node);

      atomr_view_node_builder_clear_children (builder);
      if (region->dead)
        {
          g_autoptr(AtomrViewNode) placeholder = make_placeholder ();
          atomr_view_node_builder_add_child (builder, placeholder);
        }
      else
        atomr_view_node_builder_add_child (builder, region->subtree);
      *changed = TRUE;
      return atomr_view_node_builder_end (builder, NULL);
    }

  if (g_hash_table_size (priv->regions) == 0 || n == 0)
    return atomr_view_node_ref (node);

  children = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_node_unref);
  for (guint i = 0; i < n; i++)
    {
      gboolean child_changed = FALSE;

      g_ptr_array_add (children, compose (priv, atomr_view_node_get_child (node, i), &child_changed));
      any |= child_changed;
    }
  if (!any)
    return atomr_view_node_ref (node);

  *changed = TRUE;
  {
    g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new_from_node (node);

    atomr_view_node_builder_clear_children (builder);
    for (guint i = 0; i < children->len; i++)
      atomr_view_node_builder_add_child (builder, g_ptr_array_index (children, i));
    return atomr_view_node_builder_end (builder, NULL);
  }
}

static void
post (AtomrViewWindowActor *self)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  g_autoptr(AtomrViewScene) scene = NULL;

  if (priv->bridge == NULL || priv->root == NULL)
    return;
  scene = atomr_view_window_actor_dup_scene (self);
  atomr_view_ui_bridge_post_scene (priv->bridge, priv->window_id, scene);
}

static void
do_render (AtomrViewWindowActor *self)
{
  AtomrViewWindowActorClass *klass = ATOMR_VIEW_WINDOW_ACTOR_GET_CLASS (self);
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  g_autoptr(AtomrViewNode) root = NULL;

  priv->render_scheduled = FALSE;
  if (klass->render == NULL)
    return;
  root = klass->render (self);
  if (root != NULL)
    atomr_view_window_actor_set_root (self, root);
}

static gboolean
open_window (AtomrViewWindowActor  *self,
             AtomrViewContext      *context,
             GError               **error)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  g_autoptr(GError) local_error = NULL;

  priv->self_ref = g_object_ref (atomr_view_context_get_self (context));
  if (priv->window_id == NULL)
    priv->window_id = g_strdup (atomr_view_actor_ref_get_name (priv->self_ref));
  priv->bridge = atomr_view_ui_bridge_dup_for_system (atomr_view_context_get_system (context));
  if (priv->bridge == NULL)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_NO_BRIDGE,
                   _("The window actor %s has no UI bridge: make one with atomr_view_ui_bridge_new() "
                     "before spawning windows"),
                   atomr_view_actor_ref_get_path (priv->self_ref));
      return FALSE;
    }
  if (!atomr_view_ui_bridge_open_window (priv->bridge, priv->window_id, priv->title, priv->self_ref, &local_error))
    {
      /* A restarted window actor takes over the window its old instance kept open. */
      if (!priv->restarting || !g_error_matches (local_error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_WINDOW_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      atomr_view_ui_bridge_set_title (priv->bridge, priv->window_id, priv->title);
    }
  if (priv->wants_frames)
    atomr_view_ui_bridge_set_wants_frames (priv->bridge, priv->window_id, TRUE);
  return TRUE;
}

static gboolean
atomr_view_window_actor_pre_start (AtomrViewActor    *actor,
                                   AtomrViewContext  *context,
                                   GError           **error)
{
  AtomrViewWindowActor *self = ATOMR_VIEW_WINDOW_ACTOR (actor);
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  if (!open_window (self, context, error))
    return FALSE;
  priv->context = context;
  do_render (self);
  priv->context = NULL;
  return TRUE;
}

static void
atomr_view_window_actor_post_stop (AtomrViewActor   *actor,
                                   AtomrViewContext *context)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (ATOMR_VIEW_WINDOW_ACTOR (actor));

  if (priv->bridge != NULL && !priv->restarting)
    atomr_view_ui_bridge_close_window (priv->bridge, priv->window_id);
  g_clear_object (&priv->bridge);
}

static void
atomr_view_window_actor_pre_restart (AtomrViewActor   *actor,
                                     AtomrViewContext *context,
                                     const GError     *reason)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (ATOMR_VIEW_WINDOW_ACTOR (actor));

  /* Keep the window open across the restart: the new instance takes it over. */
  priv->restarting = TRUE;
  ATOMR_VIEW_ACTOR_CLASS (atomr_view_window_actor_parent_class)->pre_restart (actor, context, reason);
}

static gboolean
atomr_view_window_actor_post_restart (AtomrViewActor    *actor,
                                      AtomrViewContext  *context,
                                      const GError      *reason,
                                      GError           **error)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (ATOMR_VIEW_WINDOW_ACTOR (actor));
  gboolean ok;

  priv->restarting = TRUE;
  ok = ATOMR_VIEW_ACTOR_GET_CLASS (actor)->pre_start (actor, context, error);
  priv->restarting = FALSE;
  return ok;
}

/* Returns the region that the event belongs to and how many path elements lead to it. */
static Region *
find_region (AtomrViewWindowActorPrivate *priv,
             AtomrViewEvent              *event,
             guint                       *depth)
{
  const char * const *path = atomr_view_event_get_path (event);

  for (guint i = 0; path[i] != NULL; i++)
    {
      Region *region = g_hash_table_lookup (priv->regions, path[i]);

      if (region != NULL && !region->dead)
        {
          /* The region sees paths from below its own root, as a window does. */
          *depth = MIN (i + 2, g_strv_length ((char **) path));
          return region;
        }
    }
  return NULL;
}

static Region *
region_for_sender (AtomrViewWindowActorPrivate *priv,
                   AtomrViewActorRef           *sender,
                   const char                 **key)
{
  GHashTableIter iter;
  gpointer k, value;

  if (sender == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, priv->regions);
  while (g_hash_table_iter_next (&iter, &k, &value))
    if (atomr_view_actor_ref_equal (((Region *) value)->actor, sender))
      {
        *key = k;
        return value;
      }
  return NULL;
}

static gboolean
handle_region_scene (AtomrViewWindowActor  *self,
                     AtomrViewContext      *context,
                     GVariant              *payload,
                     GError               **error)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  g_autoptr(AtomrViewScene) scene = NULL;
  const char *key = NULL;
  Region *region = region_for_sender (priv, atomr_view_context_get_sender (context), &key);

  if (region == NULL || region->dead)
    return TRUE;
  scene = atomr_view_scene_new_from_variant (payload, error);
  if (scene == NULL)
    return FALSE;
  g_clear_pointer (&region->subtree, atomr_view_node_unref);
  region->subtree = atomr_view_node_ref (atomr_view_scene_get_root (scene));
  post (self);
  return TRUE;
}

static gboolean
atomr_view_window_actor_receive (AtomrViewActor    *actor,
                                 AtomrViewContext  *context,
                                 GVariant          *message,
                                 GError           **error)
{
  AtomrViewWindowActor *self = ATOMR_VIEW_WINDOW_ACTOR (actor);
  AtomrViewWindowActorClass *klass = ATOMR_VIEW_WINDOW_ACTOR_GET_CLASS (self);
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  g_autoptr(GVariant) payload = NULL;
  gboolean ok = TRUE;

  priv->context = context;
  if (atomr_view_event_is_event_variant (message))
    {
      g_autoptr(AtomrViewEvent) event = atomr_view_event_new_from_variant (message, error);
      Region *region;
      guint depth = 0;

      if (event == NULL)
        ok = FALSE;
      else if ((region = find_region (priv, event, &depth)) != NULL)
        {
          g_autoptr(AtomrViewEvent) inner = atomr_view_event_new_with_path_tail (event, depth);

          atomr_view_actor_ref_tell (region->actor, atomr_view_event_to_variant (inner), priv->self_ref);
        }
      else
        {
          ok = klass->handle_event (self, context, event, error);
          if (g_str_equal (atomr_view_event_get_signal (event), ATOMR_VIEW_SIGNAL_FRAME) && priv->bridge != NULL)
            atomr_view_ui_bridge_frame_done (priv->bridge, priv->window_id);
        }
    }
  else if (atomr_view_ui_protocol_match (message, ATOMR_VIEW_MESSAGE_RENDER, NULL))
    do_render (self);
  else if (atomr_view_ui_protocol_match (message, ATOMR_VIEW_MESSAGE_REGION_SCENE, &payload))
    ok = handle_region_scene (self, context, payload, error);
  else
    ok = klass->receive_message (self, context, message, error);
  priv->context = NULL;
  return ok;
}

static void
atomr_view_window_actor_terminated (AtomrViewActor    *actor,
                                    AtomrViewContext  *context,
                                    AtomrViewActorRef *who)
{
  AtomrViewWindowActor *self = ATOMR_VIEW_WINDOW_ACTOR (actor);
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  const char *key = NULL;
  Region *region = region_for_sender (priv, who, &key);

  if (region == NULL)
    return;
  /* A dead region leaves a visible placeholder; the rest of the window goes on. */
  region->dead = TRUE;
  g_clear_pointer (&region->subtree, atomr_view_node_unref);
  post (self);
}

static gboolean
atomr_view_window_actor_real_handle_event (AtomrViewWindowActor  *self,
                                           AtomrViewContext      *context,
                                           AtomrViewEvent        *event,
                                           GError               **error)
{
  if (g_str_equal (atomr_view_event_get_signal (event), ATOMR_VIEW_SIGNAL_CLOSE_REQUEST))
    atomr_view_context_stop (context, atomr_view_context_get_self (context));
  return TRUE;
}

static gboolean
atomr_view_window_actor_real_receive_message (AtomrViewWindowActor  *self,
                                              AtomrViewContext      *context,
                                              GVariant              *message,
                                              GError               **error)
{
  /* The base class's receive makes unhandled messages dead letters. */
  return ATOMR_VIEW_ACTOR_CLASS (atomr_view_window_actor_parent_class)->receive (ATOMR_VIEW_ACTOR (self), context,
                                                                                  message, error);
}

static void
atomr_view_window_actor_finalize (GObject *object)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (ATOMR_VIEW_WINDOW_ACTOR (object));

  g_free (priv->window_id);
  g_free (priv->title);
  g_clear_object (&priv->bridge);
  g_clear_object (&priv->self_ref);
  g_clear_pointer (&priv->root, atomr_view_node_unref);
  g_hash_table_unref (priv->regions);

  G_OBJECT_CLASS (atomr_view_window_actor_parent_class)->finalize (object);
}

static void
atomr_view_window_actor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtomrViewWindowActor *self = ATOMR_VIEW_WINDOW_ACTOR (object);

  switch (prop_id)
    {
    case PROP_WINDOW_ID:
      g_value_set_string (value, atomr_view_window_actor_get_window_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, atomr_view_window_actor_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_window_actor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtomrViewWindowActor *self = ATOMR_VIEW_WINDOW_ACTOR (object);
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WINDOW_ID:
      priv->window_id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      atomr_view_window_actor_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_window_actor_class_init (AtomrViewWindowActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtomrViewActorClass *actor_class = ATOMR_VIEW_ACTOR_CLASS (klass);

  object_class->finalize = atomr_view_window_actor_finalize;
  object_class->get_property = atomr_view_window_actor_get_property;
  object_class->set_property = atomr_view_window_actor_set_property;

  actor_class->pre_start = atomr_view_window_actor_pre_start;
  actor_class->receive = atomr_view_window_actor_receive;
  actor_class->post_stop = atomr_view_window_actor_post_stop;
  actor_class->pre_restart = atomr_view_window_actor_pre_restart;
  actor_class->post_restart = atomr_view_window_actor_post_restart;
  actor_class->terminated = atomr_view_window_actor_terminated;

  klass->handle_event = atomr_view_window_actor_real_handle_event;
  klass->receive_message = atomr_view_window_actor_real_receive_message;

  /**
   * AtomrViewWindowActor:window-id:
   *
   * The window's id in its bridge; by default the actor's name.
   *
   * Since: 0.1
   */
  properties[PROP_WINDOW_ID] =
    g_param_spec_string ("window-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewWindowActor:title:
   *
   * The window's title.
   *
   * Since: 0.1
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atomr_view_window_actor_init (AtomrViewWindowActor *self)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  priv->title = g_strdup ("");
  priv->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) region_free);
}

/**
 * atomr_view_window_actor_get_window_id:
 * @self: a window actor
 *
 * Gets the window's id in its bridge.
 *
 * Returns: (nullable): the id, or %NULL before the actor started without one
 *
 * Since: 0.1
 */
const char *
atomr_view_window_actor_get_window_id (AtomrViewWindowActor *self)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  g_return_val_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self), NULL);

  return priv->window_id;
}

/**
 * atomr_view_window_actor_get_title:
 * @self: a window actor
 *
 * Gets the window's title.
 *
 * Returns: the title
 *
 * Since: 0.1
 */
const char *
atomr_view_window_actor_get_title (AtomrViewWindowActor *self)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  g_return_val_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self), NULL);

  return priv->title;
}

/**
 * atomr_view_window_actor_set_title:
 * @self: a window actor
 * @title: the new title
 *
 * Changes the window's title.
 *
 * Since: 0.1
 */
void
atomr_view_window_actor_set_title (AtomrViewWindowActor *self,
                                   const char           *title)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  g_return_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  if (priv->bridge != NULL)
    atomr_view_ui_bridge_set_title (priv->bridge, priv->window_id, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * atomr_view_window_actor_get_root:
 * @self: a window actor
 *
 * Gets the window's own tree, without its regions' subtrees.
 *
 * Returns: (transfer none) (nullable): the root node
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_window_actor_get_root (AtomrViewWindowActor *self)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  g_return_val_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self), NULL);

  return priv->root;
}

/**
 * atomr_view_window_actor_set_root:
 * @self: a window actor
 * @root: the window's tree
 *
 * Sets what the window shows; its regions' subtrees are put into its
 * `region` nodes and the result goes to the bridge.
 *
 * Since: 0.1
 */
void
atomr_view_window_actor_set_root (AtomrViewWindowActor *self,
                                  AtomrViewNode        *root)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  g_return_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self));
  g_return_if_fail (root != NULL);

  atomr_view_node_ref (root);
  g_clear_pointer (&priv->root, atomr_view_node_unref);
  priv->root = root;
  post (self);
}

/**
 * atomr_view_window_actor_apply_patches:
 * @self: a window actor
 * @patches: (element-type AtomrView.Patch): patches to the window's own tree
 * @error: return location for an error
 *
 * Changes the window's tree by patches. A list that does not fit the tree is
 * refused as a whole and the tree stays as it was.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
atomr_view_window_actor_apply_patches (AtomrViewWindowActor  *self,
                                       GPtrArray             *patches,
                                       GError               **error)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  g_autoptr(AtomrViewScene) before = NULL;
  g_autoptr(AtomrViewScene) after = NULL;

  g_return_val_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self), FALSE);
  g_return_val_if_fail (patches != NULL, FALSE);

  if (priv->root == NULL)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_FAILED,
                   _("The window “%s” has no tree to patch yet"), priv->window_id);
      return FALSE;
    }
  before = atomr_view_scene_new (priv->root);
  after = atomr_view_scene_apply (before, patches, error);
  if (after == NULL)
    return FALSE;
  atomr_view_window_actor_set_root (self, atomr_view_scene_get_root (after));
  return TRUE;
}

/**
 * atomr_view_window_actor_dup_scene:
 * @self: a window actor
 *
 * Makes the scene the window shows: its tree with the regions' subtrees in
 * place.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL before the first tree
 *
 * Since: 0.1
 */
AtomrViewScene *
atomr_view_window_actor_dup_scene (AtomrViewWindowActor *self)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  g_autoptr(AtomrViewNode) composed = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self), NULL);

  if (priv->root == NULL)
    return NULL;
  composed = compose (priv, priv->root, &changed);
  return atomr_view_scene_new (composed);
}

/**
 * atomr_view_window_actor_invalidate:
 * @self: a window actor
 *
 * Asks for [vfunc@AtomrView.WindowActor.render] to run soon, once, however
 * many times this is called before it does. Call it from the actor's own
 * handlers.
 *
 * Since: 0.1
 */
void
atomr_view_window_actor_invalidate (AtomrViewWindowActor *self)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  g_return_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self));
  g_return_if_fail (priv->context != NULL);

  if (priv->render_scheduled)
    return;
  priv->render_scheduled = TRUE;
  atomr_view_context_start_single_timer (priv->context, ATOMR_VIEW_RENDER_TIMER,
                                         g_variant_new ("(sv)", ATOMR_VIEW_MESSAGE_RENDER, g_variant_new_boolean (TRUE)),
                                         0);
}

/**
 * atomr_view_window_actor_spawn_region:
 * @self: a window actor
 * @context: the actor's context
 * @props: props of a [class@AtomrView.RegionActor] subclass
 * @region_key: the key of a `region` node of the window's tree
 * @error: return location for an error
 *
 * Starts a region actor as a child of the window, and shows its subtree
 * inside the `region` node with key @region_key. Events inside that subtree
 * go to it. When it dies, a placeholder takes its place.
 *
 * Returns: (transfer full) (nullable): the region actor
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_window_actor_spawn_region (AtomrViewWindowActor  *self,
                                      AtomrViewContext      *context,
                                      AtomrViewProps        *props,
                                      const char            *region_key,
                                      GError               **error)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);
  AtomrViewActorRef *actor;
  Region *region;

  g_return_val_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self), NULL);
  g_return_val_if_fail (ATOMR_VIEW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (props != NULL, NULL);
  g_return_val_if_fail (region_key != NULL, NULL);

  if (g_hash_table_contains (priv->regions, region_key))
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_FAILED,
                   _("The region “%s” of window “%s” already has an actor"), region_key, priv->window_id);
      return NULL;
    }
  actor = atomr_view_context_spawn (context, props, region_key, error);
  if (actor == NULL)
    return NULL;
  atomr_view_context_watch (context, actor);

  region = g_new0 (Region, 1);
  region->actor = g_object_ref (actor);
  g_hash_table_insert (priv->regions, g_strdup (region_key), region);
  return actor;
}

/**
 * atomr_view_window_actor_set_wants_frames:
 * @self: a window actor
 * @wants_frames: whether to receive %ATOMR_VIEW_SIGNAL_FRAME events
 *
 * Asks for a frame tick after each frame the window paints, for animations.
 * Ticks conflate: the next comes only after
 * [vfunc@AtomrView.WindowActor.handle_event] has returned from the last.
 *
 * Since: 0.1
 */
void
atomr_view_window_actor_set_wants_frames (AtomrViewWindowActor *self,
                                          gboolean              wants_frames)
{
  AtomrViewWindowActorPrivate *priv = atomr_view_window_actor_get_instance_private (self);

  g_return_if_fail (ATOMR_VIEW_IS_WINDOW_ACTOR (self));

  priv->wants_frames = wants_frames;
  if (priv->bridge != NULL)
    atomr_view_ui_bridge_set_wants_frames (priv->bridge, priv->window_id, wants_frames);
}
