/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor-ref.h"
#include "atomr-view-context.h"
#include "atomr-view-region-actor.h"
#include "atomr-view-scene.h"
#include "atomr-view-ui-protocol-private.h"

/**
 * AtomrViewRegionActor:
 *
 * An actor that owns a subtree of a window: typically a part backed by
 * remote or streaming state, such as a feed.
 *
 * A window actor starts it with [method@AtomrView.WindowActor.spawn_region]
 * for one of its `region` nodes. The region describes its subtree with
 * [vfunc@AtomrView.RegionActor.render] and
 * [method@AtomrView.RegionActor.invalidate], or with
 * [method@AtomrView.RegionActor.set_root]; the window shows it inside the
 * region node. Events inside the subtree arrive in
 * [vfunc@AtomrView.RegionActor.handle_event].
 *
 * Renders coalesce: [method@AtomrView.RegionActor.invalidate] asks for one
 * render after the messages waiting now, or after the render interval, so a
 * region fed thousands of messages a second renders far less often.
 *
 * A region that fails is supervised by its window like any child; one that
 * dies leaves a visible placeholder in the window.
 *
 * Thread safety: its own dispatcher thread.
 *
 * Since: 0.1
 */

typedef struct
{
  AtomrViewContext  *context;     /* while a handler of ours runs */
  AtomrViewActorRef *self_ref;
  AtomrViewActorRef *window;
  AtomrViewNode     *root;
  guint              render_interval_ms;
  gboolean           render_scheduled;
} AtomrViewRegionActorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AtomrViewRegionActor, atomr_view_region_actor, ATOMR_VIEW_TYPE_ACTOR)

enum {
  PROP_0,
  PROP_RENDER_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
do_render (AtomrViewRegionActor *self)
{
  AtomrViewRegionActorClass *klass = ATOMR_VIEW_REGION_ACTOR_GET_CLASS (self);
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (self);
  g_autoptr(AtomrViewNode) root = NULL;

  priv->render_scheduled = FALSE;
  if (klass->render == NULL)
    return;
  root = klass->render (self);
  if (root != NULL)
    atomr_view_region_actor_set_root (self, root);
}

static gboolean
atomr_view_region_actor_pre_start (AtomrViewActor    *actor,
                                   AtomrViewContext  *context,
                                   GError           **error)
{
  AtomrViewRegionActor *self = ATOMR_VIEW_REGION_ACTOR (actor);
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (self);

  priv->self_ref = g_object_ref (atomr_view_context_get_self (context));
  priv->window = g_object_ref (atomr_view_context_get_parent (context));
  priv->context = context;
  do_render (self);
  priv->context = NULL;
  return TRUE;
}

static gboolean
atomr_view_region_actor_receive (AtomrViewActor    *actor,
                                 AtomrViewContext  *context,
                                 GVariant          *message,
                                 GError           **error)
{
  AtomrViewRegionActor *self = ATOMR_VIEW_REGION_ACTOR (actor);
  AtomrViewRegionActorClass *klass = ATOMR_VIEW_REGION_ACTOR_GET_CLASS (self);
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (self);
  gboolean ok = TRUE;

  priv->context = context;
  if (atomr_view_event_is_event_variant (message))
    {
      g_autoptr(AtomrViewEvent) event = atomr_view_event_new_from_variant (message, error);

      ok = event != NULL && klass->handle_event (self, context, event, error);
    }
  else if (atomr_view_ui_protocol_match (message, ATOMR_VIEW_MESSAGE_RENDER, NULL))
    do_render (self);
  else
    ok = klass->receive_message (self, context, message, error);
  priv->context = NULL;
  return ok;
}

static gboolean
atomr_view_region_actor_real_handle_event (AtomrViewRegionActor  *self,
                                           AtomrViewContext      *context,
                                           AtomrViewEvent        *event,
                                           GError               **error)
{
  return TRUE;
}

static gboolean
atomr_view_region_actor_real_receive_message (AtomrViewRegionActor  *self,
                                              AtomrViewContext      *context,
                                              GVariant              *message,
                                              GError               **error)
{
  return ATOMR_VIEW_ACTOR_CLASS (atomr_view_region_actor_parent_class)->receive (ATOMR_VIEW_ACTOR (self), context,
                                                                                  message, error);
}

static void
atomr_view_region_actor_finalize (GObject *object)
{
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (ATOMR_VIEW_REGION_ACTOR (object));

  g_clear_object (&priv->self_ref);
  g_clear_object (&priv->window);
  g_clear_pointer (&priv->root, atomr_view_node_unref);

  G_OBJECT_CLASS (atomr_view_region_actor_parent_class)->finalize (object);
}

static void
atomr_view_region_actor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtomrViewRegionActor *self = ATOMR_VIEW_REGION_ACTOR (object);

  switch (prop_id)
    {
    case PROP_RENDER_INTERVAL:
      g_value_set_uint (value, atomr_view_region_actor_get_render_interval (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_region_actor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtomrViewRegionActor *self = ATOMR_VIEW_REGION_ACTOR (object);

  switch (prop_id)
    {
    case PROP_RENDER_INTERVAL:
      atomr_view_region_actor_set_render_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_region_actor_class_init (AtomrViewRegionActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtomrViewActorClass *actor_class = ATOMR_VIEW_ACTOR_CLASS (klass);

  object_class->finalize = atomr_view_region_actor_finalize;
  object_class->get_property = atomr_view_region_actor_get_property;
  object_class->set_property = atomr_view_region_actor_set_property;

  actor_class->pre_start = atomr_view_region_actor_pre_start;
  actor_class->receive = atomr_view_region_actor_receive;

  klass->handle_event = atomr_view_region_actor_real_handle_event;
  klass->receive_message = atomr_view_region_actor_real_receive_message;

  /**
   * AtomrViewRegionActor:render-interval:
   *
   * The least time between two renders, in milliseconds; 0 renders after the
   * messages waiting now.
   *
   * Since: 0.1
   */
  properties[PROP_RENDER_INTERVAL] =
    g_param_spec_uint ("render-interval", NULL, NULL, 0, 60000, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atomr_view_region_actor_init (AtomrViewRegionActor *self)
{
}

/**
 * atomr_view_region_actor_get_root:
 * @self: a region actor
 *
 * Gets the region's subtree.
 *
 * Returns: (transfer none) (nullable): the root of the subtree
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_region_actor_get_root (AtomrViewRegionActor *self)
{
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (self);

  g_return_val_if_fail (ATOMR_VIEW_IS_REGION_ACTOR (self), NULL);

  return priv->root;
}

/**
 * atomr_view_region_actor_set_root:
 * @self: a region actor
 * @root: the region's subtree
 *
 * Sets what the region shows and sends it to its window.
 *
 * Since: 0.1
 */
void
atomr_view_region_actor_set_root (AtomrViewRegionActor *self,
                                  AtomrViewNode        *root)
{
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (self);
  g_autoptr(AtomrViewScene) scene = NULL;
  g_autoptr(GVariant) encoded = NULL;

  g_return_if_fail (ATOMR_VIEW_IS_REGION_ACTOR (self));
  g_return_if_fail (root != NULL);
  g_return_if_fail (priv->window != NULL);

  atomr_view_node_ref (root);
  g_clear_pointer (&priv->root, atomr_view_node_unref);
  priv->root = root;
  scene = atomr_view_scene_new (root);
  /* Not floating: g_variant_new() takes a reference of its own. */
  encoded = atomr_view_scene_to_variant (scene);
  atomr_view_actor_ref_tell (priv->window, g_variant_new ("(sv)", ATOMR_VIEW_MESSAGE_REGION_SCENE, encoded),
                             priv->self_ref);
}

/**
 * atomr_view_region_actor_invalidate:
 * @self: a region actor
 *
 * Asks for [vfunc@AtomrView.RegionActor.render] to run once, after the
 * messages waiting now or after the render interval. Call it from the
 * actor's own handlers.
 *
 * Since: 0.1
 */
void
atomr_view_region_actor_invalidate (AtomrViewRegionActor *self)
{
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (self);

  g_return_if_fail (ATOMR_VIEW_IS_REGION_ACTOR (self));
  g_return_if_fail (priv->context != NULL);

  if (priv->render_scheduled)
    return;
  priv->render_scheduled = TRUE;
  atomr_view_context_start_single_timer (priv->context, ATOMR_VIEW_RENDER_TIMER,
                                         g_variant_new ("(sv)", ATOMR_VIEW_MESSAGE_RENDER, g_variant_new_boolean (TRUE)),
                                         priv->render_interval_ms);
}

/**
 * atomr_view_region_actor_get_render_interval:
 * @self: a region actor
 *
 * Gets [property@AtomrView.RegionActor:render-interval].
 *
 * Returns: the interval in milliseconds
 *
 * Since: 0.1
 */
guint
atomr_view_region_actor_get_render_interval (AtomrViewRegionActor *self)
{
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (self);

  g_return_val_if_fail (ATOMR_VIEW_IS_REGION_ACTOR (self), 0);

  return priv->render_interval_ms;
}

/**
 * atomr_view_region_actor_set_render_interval:
 * @self: a region actor
 * @interval_ms: the least time between two renders, in milliseconds
 *
 * Sets [property@AtomrView.RegionActor:render-interval].
 *
 * Since: 0.1
 */
void
atomr_view_region_actor_set_render_interval (AtomrViewRegionActor *self,
                                             guint                 interval_ms)
{
  AtomrViewRegionActorPrivate *priv = atomr_view_region_actor_get_instance_private (self);

  g_return_if_fail (ATOMR_VIEW_IS_REGION_ACTOR (self));

  if (priv->render_interval_ms == interval_ms)
    return;
  priv->render_interval_ms = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDER_INTERVAL]);
}
