/**
 * A node program for actors outside the cluster: a disc drawn as a bullseye — an outer ring and an
 * inner disc in the actor's colour with a white gap between them — so that external actors stand
 * out whatever the colouring, and keep the colour of their category.
 */
import { NodeCircleProgram } from "sigma/rendering";

const FRAGMENT = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
const vec4 gapColor = vec4(1.0, 1.0, 1.0, 1.0);

void main(void) {
  float aa = u_correctionRatio * 2.0;
  float d = length(v_diffVector);
  float dist = d - v_radius + aa;

  #ifdef PICKING_MODE
  if (dist > aa)
    gl_FragColor = transparent;
  else
    gl_FragColor = v_color;
  #else
  float ring = max(v_radius * 0.26, u_correctionRatio * 2.5);
  float gap = max(v_radius * 0.2, u_correctionRatio * 2.0);
  float inner = v_radius - ring;
  vec4 base = v_color;
  if (d < inner && d > inner - gap) base = mix(gapColor, v_color, 1.0 - v_color.a);
  float t = 0.0;
  if (dist > aa)
    t = 1.0;
  else if (dist > 0.0)
    t = dist / aa;
  gl_FragColor = mix(base, transparent, t);
  #endif
}
`;

export class NodeRingProgram extends NodeCircleProgram {
  override getDefinition() {
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: FRAGMENT };
  }
}
