// The C side of JourneyMap's Graphviz boundary: the system headers plus static inline
// wrappers for what Swift cannot call cleanly (char * vs const char *, globals, callbacks).
// Only Sources/JourneyGraphviz imports this module.
#ifndef JOURNEYMAP_GRAPHVIZ_SHIM_H
#define JOURNEYMAP_GRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>

// ---- Error capture: agerr goes to our buffer instead of stderr. ----
// The Swift side holds its process-wide lock around every call, so one buffer is enough.
// (Function-local statics: Swift's importer emits inline functions, not header globals.
// Only GraphvizRenderer.swift calls these, so there is one copy.)
#define JM_ERRORS_SIZE 16384
static inline char *jm_errors_buffer(void) { static char buffer[JM_ERRORS_SIZE]; return buffer; }
static inline size_t *jm_errors_length(void) { static size_t length; return &length; }

static int jm_error_sink(char *message) {
    size_t n = strlen(message);
    char *errors = jm_errors_buffer();
    size_t *len = jm_errors_length();
    if (*len + n + 1 < JM_ERRORS_SIZE) {
        memcpy(errors + *len, message, n);
        *len += n;
        errors[*len] = 0;
    }
    return 0;
}

static inline void jm_capture_errors(void) {
    agseterr(AGWARN);
    agseterrf(jm_error_sink);
}

static inline void jm_clear_errors(void) { *jm_errors_length() = 0; jm_errors_buffer()[0] = 0; }
static inline const char *jm_errors_text(void) { return jm_errors_buffer(); }

// ---- An id discipline that hands out increasing ids. ----
// cgraph's default gives a named object the address of its interned name as id, and walks
// clusters in id order, so the same graph could come out with clusters in another order within
// one process. Declining named ids here makes cgraph keep names in its internal map and ask us
// for an anonymous id, which we give in creation order: same graph, same order, every time.
typedef struct { IDTYPE next; } jm_id_state;

static void *jm_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    jm_id_state *s = (jm_id_state *)malloc(sizeof(jm_id_state));
    if (s) s->next = 1;
    return s;
}
static long jm_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype; (void)createflag;
    if (str) return 0;  // names: cgraph's internal map
    jm_id_state *s = (jm_id_state *)state;
    *id = s->next;
    s->next += 2;  // odd ids are "anonymous" ids in cgraph's convention
    return 1;
}
static long jm_id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state; (void)objtype; (void)request;
    return 0;
}
static void jm_id_free(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; }
static char *jm_id_print(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; return NULL; }
static void jm_id_close(void *state) { free(state); }
static void jm_id_register(void *state, int objtype, void *obj) { (void)state; (void)objtype; (void)obj; }


// ---- const-correct wrappers (these functions copy their strings) ----
static inline Agraph_t *jm_open_digraph(const char *name) {
    static Agiddisc_t ids = { jm_id_open, jm_id_map, jm_id_alloc, jm_id_free, jm_id_print, jm_id_close, jm_id_register };
    static Agdisc_t disc;
    disc.mem = &AgMemDisc;
    disc.id = &ids;
    disc.io = &AgIoDisc;
    return agopen((char *)name, Agdirected, &disc);
}
static inline Agraph_t *jm_subgraph(Agraph_t *g, const char *name) { return agsubg(g, (char *)name, 1); }
static inline Agnode_t *jm_node(Agraph_t *g, const char *name) { return agnode(g, (char *)name, 1); }
static inline Agedge_t *jm_edge(Agraph_t *g, Agnode_t *t, Agnode_t *h, const char *name) { return agedge(g, t, h, (char *)name, 1); }
static inline int jm_set(void *obj, const char *key, const char *value) { return agsafeset(obj, (char *)key, (char *)value, ""); }
static inline int jm_set_html(void *obj, const char *key, const char *markup) {
    // agstrdup_html marks the string as an HTML-like label (what <...> does in DOT).
    Agraph_t *g = agraphof(obj);
    char *html = agstrdup_html(g, (char *)markup);
    int rv = agsafeset(obj, (char *)key, html, "");
    agstrfree(g, html);
    return rv;
}
static inline void jm_attr(Agraph_t *g, int kind, const char *key, const char *value) { agattr(g, kind, (char *)key, (char *)value); }
/// The laid-out bounding box in points (valid after gvLayout).
static inline void jm_bounding_box(Agraph_t *g, double *llx, double *lly, double *urx, double *ury) {
    boxf bb = GD_bb(g);
    *llx = bb.LL.x; *lly = bb.LL.y; *urx = bb.UR.x; *ury = bb.UR.y;
}
static inline const char *jm_get(void *obj, const char *key) { return agget(obj, (char *)key); }

#include "tiles.h"
#include "positions.h"

#endif
