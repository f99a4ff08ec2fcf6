/**
 * {@code diffold reproduce sild} (docs/math.md §7): the exact collapse of the denoiser onto the projection on curved
 * manifolds, then SiLD against KL-VAE latent diffusion, a plain autoencoder and pixel-space diffusion on
 * Fashion-MNIST with reconstruction and generation metrics in a self-trained classifier's feature space.
 */
package org.diffold.lab.experiment.sild;
