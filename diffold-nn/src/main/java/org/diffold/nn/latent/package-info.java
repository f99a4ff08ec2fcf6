/**
 * Latent diffusion (docs/math.md §7): SiLD (score-induced latent diffusion: a bottleneck denoiser dec(enc(x~))
 * trained by DSM over a band of small noise levels, then a latent DSM score), the KL-regularised VAE and the plain
 * autoencoder baselines with the same networks, and the model folder holding both stages.
 */
package org.diffold.nn.latent;
