import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';

const managers = new WeakMap<Driver, BookmarkManager>();

/**
 * Behind a routing (neo4j://) URI reads may go to a server that has not yet applied the last write:
 * one bookmark manager shared by every session over the driver makes each transaction wait for the
 * writes before it. A single server (bolt://) shows every committed write anyway, and there the
 * shared bookmarks cost about two thirds of the read throughput at 100 connections, so they are
 * only used with routing.
 */
export function shareBookmarks(driver: Driver, uri: string): void {
  if (/^neo4j(\+s|\+ssc)?:/.test(uri)) managers.set(driver, neo4j.bookmarkManager());
}

/** The driver's shared bookmark manager, or undefined (no causal chaining needed). */
export function sharedBookmarks(driver: Driver): BookmarkManager | undefined {
  return managers.get(driver);
}
