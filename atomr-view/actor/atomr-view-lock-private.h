/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <errno.h>
#include <pthread.h>
#include <time.h>

#include <glib.h>

G_BEGIN_DECLS

/* The runtime locks with pthreads rather than GMutex: GLib's futex-based
 * mutex is invisible to ThreadSanitizer, which would then report every
 * access it guards as a race. */
typedef struct
{
  pthread_mutex_t mutex;
} AtomrViewLock;

typedef struct
{
  pthread_cond_t cond;
} AtomrViewCond;

static inline void
atomr_view_lock_init (AtomrViewLock *lock)
{
  pthread_mutex_init (&lock->mutex, NULL);
}

static inline void
atomr_view_lock_clear (AtomrViewLock *lock)
{
  pthread_mutex_destroy (&lock->mutex);
}

static inline void
atomr_view_lock (AtomrViewLock *lock)
{
  pthread_mutex_lock (&lock->mutex);
}

static inline void
atomr_view_unlock (AtomrViewLock *lock)
{
  pthread_mutex_unlock (&lock->mutex);
}

static inline void
atomr_view_cond_init (AtomrViewCond *cond)
{
  pthread_condattr_t attr;

  pthread_condattr_init (&attr);
  pthread_condattr_setclock (&attr, CLOCK_MONOTONIC);
  pthread_cond_init (&cond->cond, &attr);
  pthread_condattr_destroy (&attr);
}

static inline void
atomr_view_cond_clear (AtomrViewCond *cond)
{
  pthread_cond_destroy (&cond->cond);
}

static inline void
atomr_view_cond_wait (AtomrViewCond *cond,
                      AtomrViewLock *lock)
{
  pthread_cond_wait (&cond->cond, &lock->mutex);
}

/* Waits until @deadline_us on the g_get_monotonic_time() clock; FALSE on timeout. */
static inline gboolean
atomr_view_cond_wait_until (AtomrViewCond *cond,
                            AtomrViewLock *lock,
                            gint64         deadline_us)
{
  struct timespec ts;

  ts.tv_sec = deadline_us / G_USEC_PER_SEC;
  ts.tv_nsec = (deadline_us % G_USEC_PER_SEC) * 1000;
  return pthread_cond_timedwait (&cond->cond, &lock->mutex, &ts) != ETIMEDOUT;
}

static inline void
atomr_view_cond_signal (AtomrViewCond *cond)
{
  pthread_cond_signal (&cond->cond);
}

static inline void
atomr_view_cond_broadcast (AtomrViewCond *cond)
{
  pthread_cond_broadcast (&cond->cond);
}

static inline void
atomr_view_cpu_relax (void)
{
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause ();
#elif defined(__aarch64__)
  __asm__ __volatile__ ("yield");
#endif
}

G_END_DECLS
