/* Siaga Console: the live layers of the map page (incidents, units, choropleth, picking).
 *
 * The base page (boundaries, legend, controls) is built by folium; this script receives
 * batches of operations from Python through ONE QWebChannel object ("siaga") and answers
 * with clicks, acknowledgements and errors. Every text from the database is inserted with
 * textContent, never as HTML. Licence: MIT (Siaga Console).
 */
(function () {
  "use strict";

  var S = {
    ready: false,
    standalone: false,
    bridge: null,
    pending: [],
    cfg: null,
    map: null,
    incidents: {},
    units: {},
    selected: null,
    picking: false,
    pickMarker: null,
    choro: null,
    applied: 0,
    loadedAt: Date.now(),
    tiles: { loaded: 0, errors: 0 },
    errors: 0,
    theme: "light",
  };
  window.SiagaMap = S;

  // -- errors -------------------------------------------------------------------------------
  function report(msg) {
    msg = String(msg).slice(0, 400);
    S.errors += 1;
    if (S.bridge) {
      S.bridge.js_error(msg);
    } else {
      S.pending.push(msg);
    }
  }
  S.report = report;
  // Uncaught errors reach the console, whose messages Python reads in full
  // (an error event's message is muted to "Script error." for file:// scripts).

  // -- helpers ------------------------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function ident(s) {
    return String(s || "").replace(/[^a-z0-9_-]/gi, "");
  }
  function colour(s) {
    return /^#[0-9a-f]{6}$/i.test(s || "") ? s : "#546e7a";
  }
  function label(key) {
    return (S.cfg && S.cfg.popup && S.cfg.popup[key]) || key;
  }
  function row(parent, key, value) {
    if (value === undefined || value === null || value === "") return;
    var r = el("div", "row");
    r.appendChild(el("span", "k", label(key)));
    r.appendChild(el("span", "v", value));
    parent.appendChild(r);
  }
  function clicked(kind, id) {
    if (S.bridge) S.bridge.marker_clicked(kind, id);
  }

  // -- incidents: pins on one canvas (siaga-pins.js) ----------------------------------------
  // Waiting priority-1 incidents get a pulsing ring: a small DOM marker in a pane under the
  // canvas (there are few of them).
  var PIN_H = SiagaPins.PIN_H;
  var prio = SiagaPins.prio;

  function hitTest(layerPoint) {
    if (!S.map.hasLayer(S.incLayer)) return null;
    return S.incLayer.hitTest(layerPoint);
  }
  function pulse(pin) {
    var want = !!pin.siaga.waiting;
    if (want && !pin.pulse) {
      pin.pulse = L.marker(pin.ll, {
        icon: L.divIcon({
          className: "siaga-pulse-icon",
          html: '<div class="siaga-pulse-ring"></div>',
          iconSize: [36, 36],
          iconAnchor: [18, 18 + PIN_H],
        }),
        pane: "siagaPulse",
        interactive: false,
        keyboard: false,
      });
      S.pulseLayer.addLayer(pin.pulse);
    } else if (!want && pin.pulse) {
      S.pulseLayer.removeLayer(pin.pulse);
      pin.pulse = null;
    } else if (pin.pulse) {
      pin.pulse.setLatLng(pin.ll);
    }
  }
  function incTooltip(it) {
    return [it.number, it.priority, it.title, it.status].filter(Boolean).join(" · ");
  }
  function incPopup(it) {
    var d = el("div", "siaga-popup");
    d.appendChild(el("div", "title", it.title));
    if (it.number) d.appendChild(el("div", "number", it.number));
    row(d, "priority", it.priority);
    row(d, "status", it.status);
    row(d, "place", it.place);
    if (!it.sensitive) {
      row(d, "address", it.address);
      row(d, "units", it.units);
    } else {
      d.appendChild(el("div", "note", label("sensitive")));
    }
    return d;
  }
  function openIncidentPopup(pin) {
    S.popupFor = pin.siaga.id;
    S.popup = L.popup({ maxWidth: 280, offset: [0, -PIN_H - 4] })
      .setLatLng(pin.ll)
      .setContent(incPopup(pin.siaga))
      .openOn(S.map);
    S.map.removeLayer(S.tooltip);
  }
  // A patch carries the id and the keys that changed (null: the key went away).
  function merge(old, patch) {
    var it = Object.assign({}, old, patch);
    Object.keys(patch).forEach(function (k) {
      if (patch[k] === null) delete it[k];
    });
    return it;
  }
  function upsertIncident(patch) {
    var layer = S.incLayer;
    var pin = layer.pins[patch.id];
    if (!pin) {
      pin = { siaga: patch, ll: L.latLng(patch.lat, patch.lon), pt: null, pulse: null };
      layer.pins[patch.id] = pin;
      S.incidents[patch.id] = pin;
      layer.project(pin);
      layer.changed(true);
      pulse(pin);
      return;
    }
    var old = pin.siaga;
    var it = (pin.siaga = merge(old, patch));
    if (old.lat !== it.lat || old.lon !== it.lon) {
      pin.ll = L.latLng(it.lat, it.lon);
      layer.project(pin);
    }
    layer.changed(old.p !== it.p);
    if (old.waiting !== it.waiting || pin.pulse) pulse(pin);
    if (S.popupFor === it.id && S.popup && S.popup.isOpen()) {
      S.popup.setLatLng(pin.ll).setContent(incPopup(it));
    }
  }
  function removeIncident(id) {
    var pin = S.incLayer.pins[id];
    if (!pin) return;
    if (pin.pulse) S.pulseLayer.removeLayer(pin.pulse);
    delete S.incLayer.pins[id];
    delete S.incidents[id];
    S.incLayer.changed(true);
    if (S.selected === id) S.selected = null;
    if (S.popupFor === id && S.popup) S.map.closePopup(S.popup);
  }
  function onMapMove(e) {
    var hit = hitTest(e.layerPoint);
    var c = S.map.getContainer();
    if (hit) {
      c.classList.add("siaga-over-pin");
      var popupOpen = S.popup && S.popup.isOpen() && S.popupFor === hit.siaga.id;
      if (popupOpen) {
        S.map.removeLayer(S.tooltip); // the popup already says it all
      } else if (S.hovered !== hit || !S.map.hasLayer(S.tooltip)) {
        S.tooltip.setLatLng(hit.ll).setContent(incTooltip(hit.siaga));
        if (!S.map.hasLayer(S.tooltip)) S.tooltip.addTo(S.map);
      }
      S.hovered = hit;
    } else if (S.hovered) {
      S.hovered = null;
      c.classList.remove("siaga-over-pin");
      S.map.removeLayer(S.tooltip);
    }
  }

  // -- units --------------------------------------------------------------------------------
  function unitIcon(u) {
    return L.divIcon({
      className: "siaga-unit-icon",
      html:
        '<div class="siaga-unit st-' + ident(u.st) + '" style="background:' + colour(u.colour) + '">' +
        '<i class="fa-solid fa-' + ident(u.icon) + '"></i></div>',
      iconSize: [24, 24],
      iconAnchor: [12, 12],
      popupAnchor: [0, -12],
      tooltipAnchor: [0, -12],
    });
  }
  function unitPopup(layer) {
    var u = layer.siaga;
    var d = el("div", "siaga-popup");
    d.appendChild(el("div", "title", u.title));
    row(d, "agency", u.agency);
    row(d, "type", u.type);
    row(d, "status", u.status);
    row(d, "incident", u.incident);
    row(d, "base", u.base);
    return d;
  }
  function upsertUnit(patch) {
    var m = S.units[patch.id];
    var u = m ? merge(m.siaga, patch) : patch;
    if (!m) {
      m = L.marker([u.lat, u.lon], { icon: unitIcon(u), keyboard: false, riseOnHover: true });
      m.siaga = u;
      m.on("click", function (e) {
        if (S.picking) {
          pickAt(e.latlng);
          return;
        }
        clicked("unit", m.siaga.id);
      });
      m.bindTooltip(function (l) {
        return [l.siaga.title, l.siaga.status].join(" · ");
      }, { direction: "top" });
      m.bindPopup(unitPopup, { maxWidth: 260 });
      S.units[u.id] = m;
      S.unitLayer.addLayer(m);
      return;
    }
    var old = m.siaga;
    m.siaga = u;
    if (old.lat !== u.lat || old.lon !== u.lon) m.setLatLng([u.lat, u.lon]);
    if (old.st !== u.st || old.icon !== u.icon || old.colour !== u.colour) {
      m.options.icon = unitIcon(u);
      if (m._icon) m._icon.innerHTML = m.options.icon.options.html;
    }
  }
  function removeUnit(id) {
    var m = S.units[id];
    if (!m) return;
    S.unitLayer.removeLayer(m);
    delete S.units[id];
  }

  function replaceAll(store, items, remove) {
    var keep = {};
    items.forEach(function (it) {
      keep[it.id] = true;
    });
    Object.keys(store).forEach(function (id) {
      if (!keep[id]) remove(parseInt(id, 10));
    });
  }

  // A view change asked for during a zoom animation would be dropped by Leaflet: wait for it.
  // Moves made here are not the user's: only the user's own moves stop the map from fitting
  // the city again when its window is resized (docked, detached to the wall screen).
  function moveMap(fn) {
    S.moving = true;
    try {
      fn();
    } finally {
      S.moving = false;
    }
  }
  function centreOn(latlng, zoom) {
    if (S.map._animatingZoom) {
      S.map.once("zoomend", function () {
        centreOn(latlng, zoom);
      });
      return;
    }
    S.userMoved = true; // a chosen view: keep it
    moveMap(function () {
      S.map.setView(latlng, zoom, { animate: false });
    });
  }
  function fitCity() {
    if (S.map._animatingZoom) {
      S.map.once("zoomend", fitCity);
      return;
    }
    S.userMoved = false;
    moveMap(function () {
      S.map.fitBounds(S.cfg.bounds, { animate: false });
    });
  }

  // -- picking ------------------------------------------------------------------------------
  function pickAt(latlng) {
    if (S.bridge) S.bridge.map_clicked(latlng.lat, latlng.lng);
  }

  // -- operations from Python ---------------------------------------------------------------
  var OPS = {
    incidents: function (op) {
      if (op.replace) replaceAll(S.incidents, op.items, removeIncident);
      op.items.forEach(upsertIncident);
      (op.remove || []).forEach(removeIncident);
    },
    units: function (op) {
      if (op.replace) replaceAll(S.units, op.items, removeUnit);
      op.items.forEach(upsertUnit);
      (op.remove || []).forEach(removeUnit);
    },
    select: function (op) {
      var before = S.selected;
      S.selected = op.id;
      S.incLayer.changed(before !== op.id);
      var pin = S.incidents[op.id];
      if (!pin) {
        if (S.bridge) S.bridge.select_result(op.id, false);
        return;
      }
      if (!S.map.hasLayer(S.incLayer)) S.map.addLayer(S.incLayer);
      centreOn(pin.ll, Math.max(S.map.getZoom(), 14));
      if (S.bridge) S.bridge.select_result(op.id, true);
    },
    pick: function (op) {
      S.picking = !!op.on;
      var c = S.map.getContainer();
      if (S.picking) c.classList.add("siaga-picking");
      else c.classList.remove("siaga-picking");
    },
    picked: function (op) {
      if (S.pickMarker) {
        S.map.removeLayer(S.pickMarker);
        S.pickMarker = null;
      }
      if (op.lat === undefined || op.lat === null) return;
      S.pickMarker = L.circleMarker([op.lat, op.lon], {
        radius: 9,
        color: op.ok ? "#1565c0" : "#c62828",
        weight: 3,
        fillOpacity: 0.25,
        interactive: false,
      }).addTo(S.map);
      if (op.text) {
        S.pickMarker.bindTooltip(el("span", "", op.text), { permanent: true, direction: "top" });
      }
    },
    choropleth: function (op) {
      S.choro = op;
      S.cfg.choropleth.eachLayer(function (l) {
        var c = op.colours[l.feature.properties.kode];
        l.setStyle(c ? { fillColor: colour(c), fillOpacity: 0.45 } : { fillOpacity: 0 });
      });
      var box = document.getElementById("siaga-choropleth-legend");
      if (!box) return;
      box.textContent = "";
      var codes = Object.keys(op.names).sort(function (a, b) {
        return (op.counts[b] || 0) - (op.counts[a] || 0) || (a < b ? -1 : 1);
      });
      codes.forEach(function (code) {
        var r = el("div", "row");
        var sw = el("span", "siaga-swatch");
        sw.style.background = op.colours[code] ? colour(op.colours[code]) : "transparent";
        r.appendChild(sw);
        r.appendChild(el("span", "", op.names[code]));
        r.appendChild(el("span", "n", op.counts[code] || 0));
        box.appendChild(r);
      });
    },
    view: function (op) {
      if (op.fit) fitCity();
    },
    theme: function (op) {
      setTheme(op.name === "dark" ? "dark" : "light");
    },
  };

  // -- theme: the console's light or dark theme (night shifts run in dim rooms) -------------
  // The page's own colours are in siaga-map.css under body.siaga-dark; the boundaries are
  // SVG paths styled by Leaflet, so their lines are restyled here.
  var BOUNDARY_DARK = { kecamatan: "#cfd8dc", kelurahan: "#78909c" };
  function setTheme(name) {
    S.theme = name;
    document.body.classList.toggle("siaga-dark", name === "dark");
    ["kecamatan", "kelurahan"].forEach(function (key) {
      var layer = S.cfg[key];
      if (!layer) return;
      layer.eachLayer(function (l) {
        if (l._siagaColour === undefined) l._siagaColour = l.options.color;
        l.setStyle({ color: name === "dark" ? BOUNDARY_DARK[key] : l._siagaColour });
      });
    });
  }

  S.apply = function (msg) {
    var batch = typeof msg === "string" ? JSON.parse(msg) : msg;
    var t0 = performance.now();
    batch.ops.forEach(function (op) {
      var fn = OPS[op.op];
      if (!fn) {
        report("unknown operation " + op.op);
        return;
      }
      try {
        fn(op);
      } catch (e) {
        report("operation " + op.op + ": " + (e && e.message ? e.message : e));
      }
    });
    S.incLayer.drawNow();
    S.applied = batch.seq;
    if (S.bridge) S.bridge.applied(batch.seq, performance.now() - t0);
  };

  // -- what tests and the self-test read back -----------------------------------------------
  function drawn(layer) {
    return layer.getLayers().filter(function (l) {
      return l._path && document.body.contains(l._path);
    }).length;
  }
  function tilesLoading() {
    // True while a tile the view asked for has neither come nor failed.
    var busy = false;
    S.map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer && layer.isLoading()) busy = true;
    });
    return busy;
  }
  S.state = function () {
    return JSON.stringify({
      leaflet: typeof L !== "undefined" ? L.version : null,
      ready: S.ready,
      kecamatan: drawn(S.cfg.kecamatan),
      kelurahan: drawn(S.cfg.kelurahan),
      incidents: Object.keys(S.incidents).length,
      units: Object.keys(S.units).length,
      selected: S.selected,
      picking: S.picking,
      applied: S.applied,
      loadedAt: S.loadedAt,
      tiles: {
        loaded: S.tiles.loaded,
        errors: S.tiles.errors,
        loading: tilesLoading(),
      },
      errors: S.errors,
      theme: S.theme,
      zoom: S.map.getZoom(),
      attribution: S.map.attributionControl.getContainer().textContent,
    });
  };
  S.marker = function (kind, id) {
    var m = (kind === "unit" ? S.units : S.incidents)[id];
    if (!m) return JSON.stringify(null);
    var ll = kind === "unit" ? m.getLatLng() : m.ll;
    var pt = S.map.latLngToContainerPoint(ll);
    var cls;
    if (kind === "unit") {
      cls = m._icon ? m._icon.firstChild.className : null;
    } else {
      var it = m.siaga;
      cls = "siaga-inc p" + prio(it) + (it.waiting ? " waiting" : "") + (S.selected === it.id ? " selected" : "");
    }
    return JSON.stringify({
      lat: ll.lat,
      lon: ll.lng,
      x: pt.x,
      y: pt.y,
      head: kind === "unit" ? pt.y : pt.y - PIN_H,
      cls: cls,
      visible:
        kind === "unit" ? !!m._icon : S.map.hasLayer(S.incLayer) && S.map.getBounds().contains(ll),
      pulsing: !!(m.pulse && m.pulse._icon),
    });
  };
  // The colour actually drawn on the canvas at an incident's pin head (rgba), or null.
  S.pixel = function (id) {
    var m = S.incidents[id];
    var r = S.incLayer;
    if (!m || !m.pt || !r._ctx || !r._bounds) return JSON.stringify(null);
    var dpr = L.Browser.retina ? 2 : 1;
    // Left of the symbol, inside the head's fill.
    var p = m.pt.subtract([SiagaPins.PIN_R * 0.7, PIN_H]).subtract(r._bounds.min);
    var d = r._ctx.getImageData(Math.round(p.x * dpr), Math.round(p.y * dpr), 1, 1).data;
    return JSON.stringify([d[0], d[1], d[2], d[3]]);
  };

  // -- start --------------------------------------------------------------------------------
  function connect() {
    if (typeof QWebChannel === "undefined" || !window.qt || !window.qt.webChannelTransport) {
      S.standalone = true;
      return;
    }
    new QWebChannel(window.qt.webChannelTransport, function (channel) {
      S.bridge = channel.objects.siaga;
      S.bridge.sig_push.connect(function (msg) {
        S.apply(msg);
      });
      S.pending.splice(0).forEach(function (m) {
        S.bridge.js_error(m);
      });
      S.ready = true;
      S.bridge.page_ready(JSON.stringify({ leaflet: L.version, page: S.cfg.pageVersion }));
    });
  }

  S.init = function (cfg) {
    S.cfg = cfg;
    var map = (S.map = cfg.map);
    map.attributionControl.addAttribution(
      el("span", "", cfg.attribution).outerHTML
    );
    map.createPane("siagaPulse").style.zIndex = 580;
    var pane = map.createPane("siagaIncidents");
    pane.style.zIndex = 590; // under the unit markers (600), above the boundaries
    pane.style.pointerEvents = "none";
    S.pulseLayer = L.layerGroup().addTo(map);
    S.unitLayer = L.featureGroup().addTo(map);
    S.incLayer = new SiagaPins.PinCanvas({
      pane: "siagaIncidents",
      padding: 0.1,
      isSelected: function (id) {
        return S.selected === id;
      },
    }).addTo(map);
    S.incLayer.on("add", function () {
      map.addLayer(S.pulseLayer);
    });
    S.incLayer.on("remove", function () {
      map.removeLayer(S.pulseLayer);
    });
    S.tooltip = L.tooltip({ direction: "top", offset: [0, -PIN_H - 8] });
    map.on("mousemove", onMapMove);
    if (document.fonts && document.fonts.load) {
      // The symbols are drawn with the icon font: redraw once it is there.
      document.fonts.load("900 12px " + SiagaPins.FA_FONT).then(function () {
        S.incLayer.forgetGlyphs();
      });
    }
    cfg.control.addOverlay(S.incLayer, el("span", "", cfg.names.incidents).outerHTML);
    cfg.control.addOverlay(S.unitLayer, el("span", "", cfg.names.units).outerHTML);
    fitCity();
    map.on("movestart zoomstart", function () {
      if (!S.moving) S.userMoved = true;
    });
    map.on("resize", function (e) {
      // Docked, detached, full screen: a new window size. A banner or a line of text
      // appearing in the widget is not, and never moves the map.
      var dx = Math.abs(e.newSize.x - e.oldSize.x) / Math.max(1, e.oldSize.x);
      var dy = Math.abs(e.newSize.y - e.oldSize.y) / Math.max(1, e.oldSize.y);
      if (!S.userMoved && (dx > 0.25 || dy > 0.25)) fitCity();
    });
    var far = function () {
      map.getContainer().classList.toggle("siaga-far", map.getZoom() < 13);
    };
    map.on("zoomend", far);
    far();
    map.on("click", function (e) {
      if (S.picking) {
        pickAt(e.latlng);
        return;
      }
      onMapMove(e); // a click without a mouse move before it (touch screens) still hovers
      var hit = hitTest(e.layerPoint);
      if (hit) {
        openIncidentPopup(hit);
        clicked("incident", hit.siaga.id);
      }
    });
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) {
        layer.on("tileload", function () {
          S.tiles.loaded += 1;
        });
        layer.on("tileerror", function () {
          S.tiles.errors += 1;
        });
      }
    });
    var legend = document.getElementById("siaga-legend");
    if (legend) {
      L.DomEvent.disableClickPropagation(legend);
      L.DomEvent.disableScrollPropagation(legend);
      legend.querySelector(".siaga-legend-title").addEventListener("click", function () {
        legend.classList.toggle("collapsed");
      });
      if (map.getSize().x < 640) legend.classList.add("collapsed");
    }
    connect();
  };
})();
