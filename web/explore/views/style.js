// @ts-check
import { LABEL_FONT } from '../labels.js';
// The canvas stylesheet. Labels are drawn only on nodes marked `labelled` (labels.js picks them
// per zoom) or hovered; their font size is data(fontSize), so they stay readable zoomed out.

/** @type {any[]} */
export const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      label: '',
      'font-size': 12,
      'font-family': LABEL_FONT,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': 150,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': 1,
      'min-zoomed-font-size': 7,
      color: '#222',
      width: 'data(size)',
      height: 'data(size)',
      'border-width': 1,
      'border-color': '#555',
    },
  },
  { selector: 'node[fontSize]', style: { 'font-size': 'data(fontSize)', 'text-max-width': 'data(textWidth)' } },
  { selector: 'node.labelled, node.hovered, node:selected, node.highlight', style: { label: 'data(short)' } },
  { selector: 'node[isEvent = 1]', style: { shape: 'round-rectangle', color: '#444' } },
  // dated only to a span (a year) that has begun but not ended at the month shown: maybe there
  { selector: 'node.maybe', style: { opacity: 0.55, 'border-style': 'dashed', 'border-width': 2 } },
  // came onto the timeline in the step just shown
  {
    selector: 'node.fresh',
    style: { 'outline-width': 4, 'outline-color': '#e6a700', 'outline-offset': 2, 'outline-opacity': 0.9 },
  },
  // arrived while following the live changes
  {
    selector: 'node.live-new',
    style: { 'outline-width': 5, 'outline-color': '#2ca02c', 'outline-offset': 2, 'outline-opacity': 0.95 },
  },
  {
    selector: 'node.group',
    style: {
      shape: 'ellipse',
      'border-width': 3,
      'border-style': 'double',
      'background-opacity': 0.7,
      label: 'data(short)',
    },
  },
  { selector: 'node.hovered', style: { 'z-index': 20, 'text-background-opacity': 1 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000' } },
  { selector: 'node.highlight', style: { 'outline-width': 6, 'outline-color': '#d62728', 'outline-offset': 3 } },
  { selector: 'node.path-end', style: { 'border-width': 4, 'border-color': '#d62728' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#bbb',
      'target-arrow-color': '#bbb',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'arrow-scale': 0.8,
      'font-size': 9,
      'min-zoomed-font-size': 7,
      'text-rotation': 'autorotate',
      color: '#333',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
    },
  },
  { selector: 'edge[type != "INVOLVES"]', style: { 'line-color': '#777', 'target-arrow-color': '#777', width: 2 } },
  {
    selector: 'edge[type = "TALENT_FLOW"]',
    style: { width: 'data(width)', 'line-color': '#17becf', 'target-arrow-color': '#17becf', opacity: 0.8 },
  },
  {
    selector: 'edge.group-edge',
    style: { width: 'data(width)', 'line-color': '#999', 'target-arrow-shape': 'none', opacity: 0.6 },
  },
  // edge labels only on hover (of the edge, or of a node for its edges)
  {
    selector: 'edge.hover',
    style: { label: 'data(caption)', 'line-color': '#333', 'target-arrow-color': '#333', 'z-index': 10 },
  },
  { selector: 'edge:selected', style: { 'line-color': '#000', 'target-arrow-color': '#000', width: 3 } },
  // a path drawn: its nodes and edges stand out, the rest fades
  { selector: '.faded', style: { opacity: 0.15 } },
  {
    selector: 'node.on-path',
    style: { 'border-width': 3, 'border-color': '#d62728', label: 'data(short)', 'z-index': 15 },
  },
  {
    selector: 'edge.on-path',
    style: {
      'line-color': '#d62728',
      'target-arrow-color': '#d62728',
      width: 4,
      label: 'data(caption)',
      'z-index': 15,
    },
  },
];

/** Marks that are about the moment (selection, hover, a search pick), not the data: left out of PNG and SVG. */
export const TRANSIENT_CLASSES = ['hovered', 'hover', 'highlight'];
