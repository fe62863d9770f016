// Reading a laid-out graph back: node centres and sizes, edge splines, cluster boxes and label
// positions (Graphviz keeps them in its private records; these are the macros Swift cannot
// call). Included by shim.h; called with the Swift side's Graphviz lock held, after gvLayout.
// Coordinates are points, y up, as Graphviz has them.
#ifndef JOURNEYMAP_POSITIONS_H
#define JOURNEYMAP_POSITIONS_H

/// A node by name, or NULL.
static inline Agnode_t *jm_find_node(Agraph_t *g, const char *name) { return agnode(g, (char *)name, 0); }

/// A node's centre and size in points.
static inline void jm_node_geometry(Agnode_t *n, double *x, double *y, double *w, double *h) {
    *x = ND_coord(n).x; *y = ND_coord(n).y;
    *w = ND_width(n) * 72; *h = ND_height(n) * 72;
}

/// A subgraph by name, or NULL.
static inline Agraph_t *jm_find_subgraph(Agraph_t *g, const char *name) { return agsubg(g, (char *)name, 0); }

/// A (sub)graph's label centre and size in points; 0 when it has none.
static inline int jm_graph_label(Agraph_t *g, double *x, double *y, double *w, double *h) {
    textlabel_t *l = GD_label(g);
    if (!l) return 0;
    *x = l->pos.x; *y = l->pos.y; *w = l->dimen.x; *h = l->dimen.y;
    return 1;
}

/// The number of Bézier pieces of an edge's spline (0 when it has none).
static inline int jm_edge_pieces(Agedge_t *e) { return ED_spl(e) ? ED_spl(e)->size : 0; }

/// One piece: its number of control points and its arrow ends (flag 0: no arrow there).
static inline int jm_edge_piece(Agedge_t *e, int i, int *sflag, double *sx, double *sy, int *eflag, double *ex, double *ey) {
    bezier *b = &ED_spl(e)->list[i];
    *sflag = b->sflag; *sx = b->sp.x; *sy = b->sp.y;
    *eflag = b->eflag; *ex = b->ep.x; *ey = b->ep.y;
    return b->size;
}

/// Control point j of piece i.
static inline void jm_edge_point(Agedge_t *e, int i, int j, double *x, double *y) {
    pointf p = ED_spl(e)->list[i].list[j];
    *x = p.x; *y = p.y;
}

/// An edge's name (`e12`), or "".
static inline const char *jm_edge_name(Agedge_t *e) {
    char *s = agnameof(e);
    return s ? s : "";
}

#endif
