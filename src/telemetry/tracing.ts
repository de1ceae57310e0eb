import { context, trace, type Context, type Span, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { textOf } from '../errors';

export const SERVICE_NAME = 'llm-shakeout-kg';

/** Spans of this API; a no-op tracer until startTracing registers the SDK. */
export function tracer(): Tracer {
  return trace.getTracer(SERVICE_NAME);
}

/**
 * Whether the standard variables ask for OTLP traces: OTEL_TRACES_EXPORTER=otlp, or an OTLP endpoint
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) without another exporter named;
 * never with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none. Unlike the SDK's own default
 * (otlp to localhost:4318), nothing is sent until one of them is set.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (exporters.length) return exporters.includes('otlp');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export interface Tracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers the OpenTelemetry SDK with an OTLP/HTTP (JSON) exporter when tracingRequested. The SDK
 * reads the rest of the standard variables itself: endpoint and headers (OTEL_EXPORTER_OTLP_*),
 * batching (OTEL_BSP_*), sampling (OTEL_TRACES_SAMPLER[_ARG]), service name and resource
 * (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES). Incoming `traceparent` headers are honoured (W3C).
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (!tracingRequested(env)) return undefined;
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: SERVICE_NAME }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

/** Runs `work` in a span that is a child of `parent` and active inside `work`; ends it with the outcome. */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string>,
  parent: Context | undefined,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(name, { attributes }, parent ?? context.active());
  try {
    return await context.with(trace.setSpan(parent ?? context.active(), span), () => work(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: textOf(error) });
    throw error;
  } finally {
    span.end();
  }
}
