/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The atomr-view side of the "actors" benchmark suite (tests/bench/suites/actors.py).
 *
 *   atomr-view-actor-bench SCENARIO N [--threads T]
 *
 * Runs one scenario once and prints one JSON object with raw measurements:
 * elapsed_ns for the timed part, plus what the scenario needs (latency
 * percentiles, RSS, a checksum). The CAF and Erlang programs under peers/
 * run the same workloads and print the same fields, so the suite can put
 * them side by side. Each run is its own process, so peak RSS is its own. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <atomr-view.h>

/* ---- measuring --------------------------------------------------------- */

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

/* A field of /proc/self/status in bytes (VmRSS, VmHWM), or -1. */
static gint64
proc_status_bytes (const char *field)
{
  g_autofree char *contents = NULL;
  gsize field_length = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  for (char *line = contents; line && *line; line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
    if (strncmp (line, field, field_length) == 0 && line[field_length] == ':')
      return g_ascii_strtoll (line + field_length + 1, NULL, 10) * 1024;
  return -1;
}

/* Nearest rank with rounding, as the original atomr profiler:
 * idx = round(p/100 * (n - 1)), halves away from zero. */
static gint64
percentile (const gint64 *sorted,
            gsize         n,
            double        p)
{
  return sorted[(gsize) llround (p / 100.0 * (double) (n - 1))];
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The 64-bit mixer of the original profiler's cpu scenario. */
static guint64
mix (guint64 seed)
{
  guint64 h = seed + G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  for (guint64 i = 0; i < 4096; i++)
    {
      h ^= h * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9) + i;
      h = (h << 27) | (h >> 37);
    }
  return h;
}

/* ---- shared state ------------------------------------------------------ */

/* A one-shot event the main thread waits on, with the value that ends it. */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean open;
  gint64   value;
} Latch;

static void
latch_open (Latch  *latch,
            gint64  value)
{
  g_mutex_lock (&latch->mutex);
  latch->open = TRUE;
  latch->value = value;
  g_cond_broadcast (&latch->cond);
  g_mutex_unlock (&latch->mutex);
}

static gint64
latch_wait (Latch      *latch,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
  gint64 value;

  g_mutex_lock (&latch->mutex);
  while (!latch->open)
    if (!g_cond_wait_until (&latch->cond, &latch->mutex, deadline))
      g_error ("%s: not done after 10 minutes", what);
  value = latch->value;
  g_mutex_unlock (&latch->mutex);
  return value;
}

/* What the actors of one run share with the main thread. */
typedef struct
{
  _Atomic guint64  counter;    /* the original's atomic counter (tell, fanout, cpu, idle) */
  guint64          target;     /* messages a sink counts before opening the latch */
  Latch            latch;
  guint64          checksum;   /* written by the one cpu actor before it counts */
  GVariant        *message;    /* a reused immutable message */
  AtomrViewProps  *child_props;
} Shared;

/* Spins with yields until @counter reaches @n, as the original profiler waits. */
static void
spin_until (_Atomic guint64 *counter,
            guint64          n,
            const char      *what)
{
  gint64 deadline = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
  guint spins = 0;

  while (atomic_load_explicit (counter, memory_order_acquire) < n)
    {
      g_thread_yield ();
      if ((++spins & 1023) == 0 && g_get_monotonic_time () > deadline)
        g_error ("%s: only %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " after 10 minutes",
                 what, (guint64) atomic_load (counter), n);
    }
}

/* ---- actors ------------------------------------------------------------ */

/* Counts into the shared atomic counter: the original's CountingActor. */
#define BENCH_TYPE_COUNTING (bench_counting_get_type ())
G_DECLARE_FINAL_TYPE (BenchCounting, bench_counting, BENCH, COUNTING, AtomrViewActor)
struct _BenchCounting
{
  AtomrViewActor parent_instance;
  Shared        *shared;
};
G_DEFINE_FINAL_TYPE (BenchCounting, bench_counting, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
bench_counting_receive (AtomrViewActor    *actor,
                        AtomrViewContext  *context,
                        GVariant          *message,
                        GError           **error)
{
  atomic_fetch_add_explicit (&BENCH_COUNTING (actor)->shared->counter, 1, memory_order_release);
  return TRUE;
}

static void
bench_counting_class_init (BenchCountingClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = bench_counting_receive;
}

static void
bench_counting_init (BenchCounting *self)
{
}

/* Counts in its own state and opens the latch at the target. */
#define BENCH_TYPE_SINK (bench_sink_get_type ())
G_DECLARE_FINAL_TYPE (BenchSink, bench_sink, BENCH, SINK, AtomrViewActor)
struct _BenchSink
{
  AtomrViewActor parent_instance;
  Shared        *shared;
  guint64        count;
};
G_DEFINE_FINAL_TYPE (BenchSink, bench_sink, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
bench_sink_receive (AtomrViewActor    *actor,
                    AtomrViewContext  *context,
                    GVariant          *message,
                    GError           **error)
{
  BenchSink *self = BENCH_SINK (actor);

  if (++self->count == self->shared->target)
    latch_open (&self->shared->latch, (gint64) self->count);
  return TRUE;
}

static void
bench_sink_class_init (BenchSinkClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = bench_sink_receive;
}

static void
bench_sink_init (BenchSink *self)
{
}

/* Replies with what it got: the original's EchoActor, and the pong side. */
#define BENCH_TYPE_ECHO (bench_echo_get_type ())
G_DECLARE_FINAL_TYPE (BenchEcho, bench_echo, BENCH, ECHO, AtomrViewActor)
struct _BenchEcho
{
  AtomrViewActor parent_instance;
};
G_DEFINE_FINAL_TYPE (BenchEcho, bench_echo, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
bench_echo_receive (AtomrViewActor    *actor,
                    AtomrViewContext  *context,
                    GVariant          *message,
                    GError           **error)
{
  atomr_view_context_reply (context, message);
  return TRUE;
}

static void
bench_echo_class_init (BenchEchoClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = bench_echo_receive;
}

static void
bench_echo_init (BenchEcho *self)
{
}

/* Runs the mixer on each seed: the original's CpuActor. */
#define BENCH_TYPE_CPU (bench_cpu_get_type ())
G_DECLARE_FINAL_TYPE (BenchCpu, bench_cpu, BENCH, CPU, AtomrViewActor)
struct _BenchCpu
{
  AtomrViewActor parent_instance;
  Shared        *shared;
};
G_DEFINE_FINAL_TYPE (BenchCpu, bench_cpu, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
bench_cpu_receive (AtomrViewActor    *actor,
                   AtomrViewContext  *context,
                   GVariant          *message,
                   GError           **error)
{
  Shared *shared = BENCH_CPU (actor)->shared;

  /* The sum of all hashes is the checksum every peer must reproduce. */
  shared->checksum += mix (g_variant_get_uint64 (message));
  atomic_fetch_add_explicit (&shared->counter, 1, memory_order_release);
  return TRUE;
}

static void
bench_cpu_class_init (BenchCpuClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = bench_cpu_receive;
}

static void
bench_cpu_init (BenchCpu *self)
{
}

/* The ping side: sends the shared message to its peer until it has had
 * target replies. The first message, from the main thread, starts it. */
#define BENCH_TYPE_PING (bench_ping_get_type ())
G_DECLARE_FINAL_TYPE (BenchPing, bench_ping, BENCH, PING, AtomrViewActor)
struct _BenchPing
{
  AtomrViewActor     parent_instance;
  Shared            *shared;
  AtomrViewActorRef *peer;
  guint64            replies;
  gboolean           started;
};
G_DEFINE_FINAL_TYPE (BenchPing, bench_ping, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
bench_ping_receive (AtomrViewActor    *actor,
                    AtomrViewContext  *context,
                    GVariant          *message,
                    GError           **error)
{
  BenchPing *self = BENCH_PING (actor);

  if (self->started)
    self->replies++;
  else
    {
      self->peer = g_object_ref (atomr_view_context_get_sender (context));
      self->started = TRUE;
    }
  if (self->replies == self->shared->target)
    latch_open (&self->shared->latch, (gint64) self->replies);
  else
    atomr_view_actor_ref_tell (self->peer, self->shared->message, atomr_view_context_get_self (context));
  return TRUE;
}

static void
bench_ping_dispose (GObject *object)
{
  g_clear_object (&BENCH_PING (object)->peer);
  G_OBJECT_CLASS (bench_ping_parent_class)->dispose (object);
}

static void
bench_ping_class_init (BenchPingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bench_ping_dispose;
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = bench_ping_receive;
}

static void
bench_ping_init (BenchPing *self)
{
}

/* One node of the skynet tree. An "ax" [num, size] starts it: a leaf answers
 * num, an inner node spawns ten children and answers the sum of their
 * answers ("x"). It answers its parent, or the latch at the top, and stops.
 * The start message is a fixed array rather than "(xx)": g_variant_new()
 * parses its format and builds the tuple through a GVariantBuilder
 * (callgrind: ~6,700 instructions a message, a third of this scenario); a
 * fixed array costs ~2,700, most of it g_variant_type_info_get(). */
#define BENCH_TYPE_SKYNET (bench_skynet_get_type ())
G_DECLARE_FINAL_TYPE (BenchSkynet, bench_skynet, BENCH, SKYNET, AtomrViewActor)
struct _BenchSkynet
{
  AtomrViewActor parent_instance;
  Shared        *shared;
  gboolean       top;
  guint          pending;
  gint64         sum;
};
G_DEFINE_FINAL_TYPE (BenchSkynet, bench_skynet, ATOMR_VIEW_TYPE_ACTOR)

static GVariant *
skynet_start (gint64 num,
              gint64 size)
{
  gint64 pair[2] = { num, size };

  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, pair, 2, sizeof (gint64));
}

static void
skynet_answer (BenchSkynet      *self,
               AtomrViewContext *context,
               gint64            value)
{
  if (self->top)
    latch_open (&self->shared->latch, value);
  else
    atomr_view_actor_ref_tell (atomr_view_context_get_parent (context), g_variant_new_int64 (value), NULL);
  atomr_view_context_stop (context, atomr_view_context_get_self (context));
}

static gboolean
bench_skynet_receive (AtomrViewActor    *actor,
                      AtomrViewContext  *context,
                      GVariant          *message,
                      GError           **error)
{
  BenchSkynet *self = BENCH_SKYNET (actor);
  const gint64 *start;
  gint64 num, size, sub;
  gsize n_elements;

  if (g_variant_is_of_type (message, G_VARIANT_TYPE_INT64))
    {
      self->sum += g_variant_get_int64 (message);
      if (--self->pending == 0)
        skynet_answer (self, context, self->sum);
      return TRUE;
    }

  start = g_variant_get_fixed_array (message, &n_elements, sizeof (gint64));
  g_return_val_if_fail (n_elements == 2, FALSE);
  num = start[0];
  size = start[1];
  if (size == 1)
    {
      skynet_answer (self, context, num);
      return TRUE;
    }
  sub = size / 10;
  self->pending = 10;
  for (gint64 i = 0; i < 10; i++)
    {
      g_autoptr(AtomrViewActorRef) child = atomr_view_context_spawn (context, self->shared->child_props,
                                                                     NULL, error);

      if (child == NULL)
        return FALSE;
      atomr_view_actor_ref_tell (child, skynet_start (num + i * sub, sub), NULL);
    }
  return TRUE;
}

static void
bench_skynet_class_init (BenchSkynetClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = bench_skynet_receive;
}

static void
bench_skynet_init (BenchSkynet *self)
{
}

/* Does nothing but exist; counts its start so the main thread knows it is up. */
#define BENCH_TYPE_IDLE (bench_idle_get_type ())
G_DECLARE_FINAL_TYPE (BenchIdle, bench_idle, BENCH, IDLE, AtomrViewActor)
struct _BenchIdle
{
  AtomrViewActor parent_instance;
  Shared        *shared;
};
G_DEFINE_FINAL_TYPE (BenchIdle, bench_idle, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
bench_idle_pre_start (AtomrViewActor    *actor,
                      AtomrViewContext  *context,
                      GError           **error)
{
  atomic_fetch_add_explicit (&BENCH_IDLE (actor)->shared->counter, 1, memory_order_release);
  return TRUE;
}

static void
bench_idle_class_init (BenchIdleClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = bench_idle_pre_start;
}

static void
bench_idle_init (BenchIdle *self)
{
}

/* ---- props ------------------------------------------------------------- */

typedef struct
{
  GType   type;
  Shared *shared;
  gboolean top;
} FactoryData;

static AtomrViewActor *
bench_factory (gpointer user_data)
{
  FactoryData *data = user_data;
  AtomrViewActor *actor = g_object_new (data->type, NULL);

  if (data->type == BENCH_TYPE_COUNTING)
    BENCH_COUNTING (actor)->shared = data->shared;
  else if (data->type == BENCH_TYPE_SINK)
    BENCH_SINK (actor)->shared = data->shared;
  else if (data->type == BENCH_TYPE_CPU)
    BENCH_CPU (actor)->shared = data->shared;
  else if (data->type == BENCH_TYPE_PING)
    BENCH_PING (actor)->shared = data->shared;
  else if (data->type == BENCH_TYPE_SKYNET)
    {
      BENCH_SKYNET (actor)->shared = data->shared;
      BENCH_SKYNET (actor)->top = data->top;
    }
  else if (data->type == BENCH_TYPE_IDLE)
    BENCH_IDLE (actor)->shared = data->shared;
  return actor;
}

static AtomrViewProps *
bench_props (GType       type,
             Shared     *shared,
             gboolean    top,
             const char *dispatcher)
{
  FactoryData *data = g_new0 (FactoryData, 1);
  AtomrViewProps *props;

  data->type = type;
  data->shared = shared;
  data->top = top;
  props = atomr_view_props_new_with_factory (bench_factory, data, g_free);
  if (dispatcher != NULL)
    atomr_view_props_set_dispatcher (props, dispatcher);
  return props;
}

static AtomrViewActorRef *
spawn (AtomrViewActorSystem *system,
       AtomrViewProps       *props,
       const char           *name)
{
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *ref = atomr_view_actor_system_spawn (system, props, name, &error);

  if (ref == NULL)
    g_error ("spawn: %s", error->message);
  return ref;
}

/* ---- scenarios --------------------------------------------------------- */

typedef struct
{
  const char           *scenario;
  guint64               n;
  AtomrViewActorSystem *system;
  Shared               *shared;
  GString              *json;      /* extra fields, each starting with ", " */
} Run;

static void
add_int (Run        *run,
         const char *key,
         gint64      value)
{
  g_string_append_printf (run->json, ", \"%s\": %" G_GINT64_FORMAT, key, value);
}

static void
add_uint (Run        *run,
          const char *key,
          guint64     value)
{
  g_string_append_printf (run->json, ", \"%s\": %" G_GUINT64_FORMAT, key, value);
}

static void
add_string (Run        *run,
            const char *key,
            const char *value)
{
  g_string_append_printf (run->json, ", \"%s\": \"%s\"", key, value);
}

/* tell: n fire-and-forget tells of the value i to one counting actor; wait
 * (spinning with yields) until it counted n. */
static gint64
scenario_tell (Run *run)
{
  g_autoptr(AtomrViewProps) props = bench_props (BENCH_TYPE_COUNTING, run->shared, FALSE, NULL);
  g_autoptr(AtomrViewActorRef) counter = spawn (run->system, props, "profiler-tell");
  gint64 start = now_ns ();

  for (guint64 i = 0; i < run->n; i++)
    atomr_view_actor_ref_tell (counter, g_variant_new_uint64 (i), NULL);
  spin_until (&run->shared->counter, run->n, "tell");
  return now_ns () - start;
}

/* ask: n sequential blocking asks of an echo actor, each timed. */
static gint64
scenario_ask (Run *run)
{
  g_autoptr(AtomrViewProps) props = bench_props (BENCH_TYPE_ECHO, run->shared, FALSE, NULL);
  g_autoptr(AtomrViewActorRef) echo = spawn (run->system, props, "profiler-ask");
  g_autofree gint64 *latencies = g_new (gint64, run->n);
  gint64 start = now_ns (), elapsed;

  for (guint64 i = 0; i < run->n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) reply = NULL;
      gint64 t0 = now_ns ();

      reply = atomr_view_actor_ref_ask_sync (echo, g_variant_new_uint64 (i), 5000, NULL, &error);
      latencies[i] = now_ns () - t0;
      if (reply == NULL)
        g_error ("ask %" G_GUINT64_FORMAT ": %s", i, error->message);
      if (g_variant_get_uint64 (reply) != i)
        g_error ("ask %" G_GUINT64_FORMAT ": wrong reply", i);
    }
  elapsed = now_ns () - start;

  qsort (latencies, run->n, sizeof (gint64), compare_gint64);
  add_int (run, "p50_ns", percentile (latencies, run->n, 50));
  add_int (run, "p95_ns", percentile (latencies, run->n, 95));
  add_int (run, "p99_ns", percentile (latencies, run->n, 99));
  return elapsed;
}

/* fanout: spawn n counting actors and tell each one message; wait until all
 * counted. The RSS delta covers the n live actors. */
static gint64
scenario_fanout (Run *run)
{
  g_autoptr(AtomrViewProps) props = bench_props (BENCH_TYPE_COUNTING, run->shared, FALSE, NULL);
  gint64 rss_before = proc_status_bytes ("VmRSS");
  gint64 start = now_ns (), elapsed;

  for (guint64 i = 0; i < run->n; i++)
    {
      char name[40];
      g_autoptr(AtomrViewActorRef) actor = NULL;

      g_snprintf (name, sizeof name, "profiler-fanout-%" G_GUINT64_FORMAT, i);
      actor = spawn (run->system, props, name);
      atomr_view_actor_ref_tell (actor, g_variant_new_uint64 (i), NULL);
    }
  spin_until (&run->shared->counter, run->n, "fanout");
  elapsed = now_ns () - start;
  add_int (run, "rss_delta_bytes", proc_status_bytes ("VmRSS") - rss_before);
  return elapsed;
}

/* cpu: n tells of seeds 0..n-1 to one actor that runs the mixer on each. */
static gint64
scenario_cpu (Run *run)
{
  g_autoptr(AtomrViewProps) props = bench_props (BENCH_TYPE_CPU, run->shared, FALSE, NULL);
  g_autoptr(AtomrViewActorRef) cpu = spawn (run->system, props, "profiler-cpu");
  gint64 start = now_ns (), elapsed;

  for (guint64 i = 0; i < run->n; i++)
    atomr_view_actor_ref_tell (cpu, g_variant_new_uint64 (i), NULL);
  spin_until (&run->shared->counter, run->n, "cpu");
  elapsed = now_ns () - start;
  add_uint (run, "checksum", run->shared->checksum);
  return elapsed;
}

/* one-way: the main thread tells one actor n times the same immutable
 * message; the actor opens the latch at the n-th. */
static gint64
scenario_one_way (Run *run)
{
  g_autoptr(AtomrViewProps) props = bench_props (BENCH_TYPE_SINK, run->shared, FALSE, NULL);
  g_autoptr(AtomrViewActorRef) sink = spawn (run->system, props, "sink");
  gint64 start = now_ns ();

  run->shared->target = run->n;
  for (guint64 i = 0; i < run->n; i++)
    atomr_view_actor_ref_tell (sink, run->shared->message, NULL);
  latch_wait (&run->shared->latch, "one-way");
  return now_ns () - start;
}

/* ping-pong: a ping actor and an echo actor on a dispatcher of @threads
 * threads (one actor per thread when there are two); n counts messages,
 * pings and pongs together. */
static gint64
scenario_ping_pong (Run   *run,
                    guint  threads)
{
  g_autoptr(AtomrViewProps) ping_props = bench_props (BENCH_TYPE_PING, run->shared, FALSE, "pingpong");
  g_autoptr(AtomrViewProps) pong_props = bench_props (BENCH_TYPE_ECHO, run->shared, FALSE, "pingpong");
  g_autoptr(AtomrViewActorRef) ping = NULL;
  g_autoptr(AtomrViewActorRef) pong = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (!atomr_view_actor_system_add_dispatcher (run->system, "pingpong", threads, 0, &error))
    g_error ("add_dispatcher: %s", error->message);
  /* Round robin: with two threads, ping goes to the first and pong to the second. */
  ping = spawn (run->system, ping_props, "ping");
  pong = spawn (run->system, pong_props, "pong");
  run->shared->target = run->n / 2;
  /* The first message's sender is the peer the ping actor talks to. */
  start = now_ns ();
  atomr_view_actor_ref_tell (ping, run->shared->message, pong);
  latch_wait (&run->shared->latch, "ping-pong");
  add_int (run, "threads", threads);
  return now_ns () - start;
}

typedef struct
{
  AtomrViewActorRef *sink;
  GVariant          *message;
  guint64            count;
  Latch             *go;
} Sender;

static gpointer
fan_in_sender (gpointer data)
{
  Sender *sender = data;
  g_autoptr(GError) error = NULL;

  latch_wait (sender->go, "fan-in start");
  for (guint64 i = 0; i < sender->count; i++)
    if (!atomr_view_actor_ref_try_tell (sender->sink, sender->message, NULL, &error))
      g_error ("fan-in: a message was refused: %s", error->message);
  return NULL;
}

#define FAN_IN_SENDERS  20
#define FAN_IN_CAPACITY 1024

/* fan-in: 20 threads each tell one actor n/20 times; the actor's mailbox
 * holds FAN_IN_CAPACITY messages and blocks senders when full. */
static gint64
scenario_fan_in (Run *run)
{
  g_autoptr(AtomrViewProps) props = bench_props (BENCH_TYPE_SINK, run->shared, FALSE, NULL);
  g_autoptr(AtomrViewActorRef) sink = NULL;
  Sender senders[FAN_IN_SENDERS];
  GThread *threads[FAN_IN_SENDERS];
  Latch go = { 0 };
  gint64 start, elapsed;

  atomr_view_props_set_mailbox (props, FAN_IN_CAPACITY, ATOMR_VIEW_OVERFLOW_BLOCK);
  atomr_view_props_set_block_timeout (props, 600 * 1000);
  sink = spawn (run->system, props, "sink");
  run->shared->target = run->n / FAN_IN_SENDERS * FAN_IN_SENDERS;
  for (guint s = 0; s < FAN_IN_SENDERS; s++)
    {
      senders[s] = (Sender) { sink, run->shared->message, run->n / FAN_IN_SENDERS, &go };
      threads[s] = g_thread_new ("sender", fan_in_sender, &senders[s]);
    }
  start = now_ns ();
  latch_open (&go, 0);
  latch_wait (&run->shared->latch, "fan-in");
  elapsed = now_ns () - start;
  for (guint s = 0; s < FAN_IN_SENDERS; s++)
    g_thread_join (threads[s]);
  add_int (run, "senders", FAN_IN_SENDERS);
  add_int (run, "mailbox_capacity", FAN_IN_CAPACITY);
  add_int (run, "peak_rss_bytes", proc_status_bytes ("VmHWM"));
  return elapsed;
}

/* skynet: the tree of n leaves (a power of ten), each inner node with ten
 * children; every actor answers its parent and stops. */
static gint64
scenario_skynet (Run *run)
{
  g_autoptr(AtomrViewProps) top_props = bench_props (BENCH_TYPE_SKYNET, run->shared, TRUE, NULL);
  g_autoptr(AtomrViewActorRef) top = NULL;
  gint64 start, elapsed, sum;

  run->shared->child_props = bench_props (BENCH_TYPE_SKYNET, run->shared, FALSE, NULL);
  start = now_ns ();
  top = spawn (run->system, top_props, "skynet");
  atomr_view_actor_ref_tell (top, skynet_start (0, (gint64) run->n), NULL);
  sum = latch_wait (&run->shared->latch, "skynet");
  elapsed = now_ns () - start;
  if (sum != (gint64) (run->n * (run->n - 1) / 2))
    g_error ("skynet: sum %" G_GINT64_FORMAT " is wrong", sum);
  add_int (run, "checksum", sum);
  add_int (run, "peak_rss_bytes", proc_status_bytes ("VmHWM"));
  return elapsed;
}

/* idle-actor-bytes: spawn n actors that do nothing; RSS delta once all started. */
static gint64
scenario_idle (Run *run)
{
  g_autoptr(AtomrViewProps) props = bench_props (BENCH_TYPE_IDLE, run->shared, FALSE, NULL);
  gint64 rss_before, start, elapsed;

  rss_before = proc_status_bytes ("VmRSS");
  start = now_ns ();
  for (guint64 i = 0; i < run->n; i++)
    {
      AtomrViewActorRef *ref = spawn (run->system, props, NULL);

      g_object_unref (ref);
    }
  spin_until (&run->shared->counter, run->n, "idle");
  elapsed = now_ns () - start;
  add_int (run, "rss_delta_bytes", proc_status_bytes ("VmRSS") - rss_before);
  return elapsed;
}

static const char *const scenarios[] = {
  "tell", "ask", "fanout", "cpu", "one-way", "ping-pong-1", "ping-pong-2", "fan-in", "skynet", "idle",
};

int
main (int    argc,
      char **argv)
{
  g_autoptr(AtomrViewActorSystem) system = NULL;
  g_autoptr(GError) error = NULL;
  Shared shared = { 0 };
  Run run = { 0 };
  guint threads = 2;
  gint64 elapsed = 0;

  if (argc >= 5 && g_str_equal (argv[3], "--threads"))
    threads = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  if (argc < 3 || !g_strv_contains ((const char *const *) scenarios, argv[1]) || threads == 0)
    {
      g_autofree char *known = g_strjoinv (" ", (char **) scenarios);

      g_printerr ("usage: %s SCENARIO N [--threads T]\nscenarios: %s\n", argv[0], known);
      return 2;
    }

  run.scenario = argv[1];
  run.n = g_ascii_strtoull (argv[2], NULL, 10);
  run.shared = &shared;
  run.json = g_string_new (NULL);
  shared.message = g_variant_ref_sink (g_variant_new_uint64 (1));
  system = g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", "bench", "default-threads", threads, NULL);
  run.system = system;

  if (g_str_equal (run.scenario, "tell"))
    elapsed = scenario_tell (&run);
  else if (g_str_equal (run.scenario, "ask"))
    elapsed = scenario_ask (&run);
  else if (g_str_equal (run.scenario, "fanout"))
    elapsed = scenario_fanout (&run);
  else if (g_str_equal (run.scenario, "cpu"))
    elapsed = scenario_cpu (&run);
  else if (g_str_equal (run.scenario, "one-way"))
    elapsed = scenario_one_way (&run);
  else if (g_str_equal (run.scenario, "ping-pong-1"))
    elapsed = scenario_ping_pong (&run, 1);
  else if (g_str_equal (run.scenario, "ping-pong-2"))
    elapsed = scenario_ping_pong (&run, 2);
  else if (g_str_equal (run.scenario, "fan-in"))
    elapsed = scenario_fan_in (&run);
  else if (g_str_equal (run.scenario, "skynet"))
    elapsed = scenario_skynet (&run);
  else if (g_str_equal (run.scenario, "idle"))
    elapsed = scenario_idle (&run);

  add_string (&run, "system", "atomr-view");
  add_int (&run, "dispatcher_threads", threads);
  g_print ("{\"scenario\": \"%s\", \"n\": %" G_GUINT64_FORMAT ", \"elapsed_ns\": %" G_GINT64_FORMAT "%s}\n",
           run.scenario, run.n, elapsed, run.json->str);

  if (!atomr_view_actor_system_shutdown (system, &error))
    g_error ("shutdown: %s", error->message);
  g_clear_pointer (&shared.child_props, atomr_view_props_unref);
  g_variant_unref (shared.message);
  g_string_free (run.json, TRUE);
  return 0;
}
